/** A windowed table of the list on screen: only the rows that fit are handed to the Table. */
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import type { ListView } from '../hooks/use-list-view.js';
import { Table } from '../components/Table.js';
import { Line } from '../components/Line.js';
import { useUi } from '../context.js';
import { fit } from '../text/fit.js';
import type { LaidOutColumn } from '../view/columns.js';
import type { RenderContext } from '../view/list-spec.js';
import { visibleRange } from '../view/viewport.js';

/** Drawn again only when the list, its layout or its marks change. */
export const ListPane = memo(function ListPane(props: {
  view: ListView;
  columns: readonly LaidOutColumn[];
  ctx: RenderContext;
  marked: (key: string) => boolean;
  width: number;
}) {
  const { view, columns, ctx, marked, width } = props;
  const { t, theme } = useUi();
  const [from, to] = visibleRange(view.viewport, view.rows.length, view.height);
  const rows = useMemo(() => view.rows.slice(from, to), [view.rows, from, to]);
  return (
    <Box flexDirection="column">
      <Table
        spec={view.spec}
        columns={columns}
        rows={rows}
        selected={view.viewport.cursor - from}
        marked={marked}
        sort={view.sort}
        ctx={ctx}
      />
      {rows.length === 0 ? (
        <Line
          segments={[{ text: fit(` ${t(view.query ? 'filter.none' : 'list.empty')}`, width) }]}
          style={theme.text.muted}
        />
      ) : null}
    </Box>
  );
});
