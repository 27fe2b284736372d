/** The one table of the console: handed only the rows on screen, it lays its columns out for its width. */
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { useUi } from '../context.js';
import { fit, widthOf } from '../text/fit.js';
import { sparkline } from '../text/sparkline.js';
import type { Theme, Style } from '../theme/theme.js';
import { GAP, layoutColumns, type LaidOutColumn } from '../view/columns.js';
import type { CellRole, Column, ListSpec, RenderContext } from '../view/list-spec.js';
import type { ListView } from '../hooks/use-list-view.js';
import { visibleRange } from '../view/viewport.js';
import { Line, TextLine, type Segment } from './Line.js';

/** The first cell of every row: cursor or change mark. */
const GUTTER = 1;

export const roleStyle = (theme: Theme, role: CellRole | undefined): Style | undefined =>
  role === undefined ? undefined : role === 'muted' || role === 'emphasis' ? theme.text[role] : theme.status[role];

export function useColumns(spec: ListSpec<unknown>, width: number): ShownColumn[] {
  const { t } = useUi();
  return useMemo(() => layoutColumns(spec.columns, width - GUTTER, (c) => t(c.title)), [spec, width, t]);
}

/** A column on screen: its spec (with its cell) and the width it got. */
export type ShownColumn = LaidOutColumn<Column<unknown>>;

const gap = ' '.repeat(GAP);

interface RowProps {
  readonly model: unknown;
  readonly spec: ListSpec<unknown>;
  readonly columns: readonly ShownColumn[];
  readonly selected: boolean;
  readonly marked: boolean;
  readonly ctx: RenderContext;
  readonly width: number;
}

/** One row, memoised: a cursor move redraws the two rows it changed; a refresh only rows whose record did. */
const Row = memo(function Row({ model, spec, columns, selected, marked, ctx, width }: RowProps) {
  const { theme } = useUi();
  const segments: Segment[] = [{ text: selected ? '›' : marked ? '•' : ' ' }];
  const style = selected ? theme.table.selected : marked ? theme.table.changed : undefined;
  const heading = spec.heading?.(model, ctx);
  if (heading) {
    segments.push({
      text: fit(heading.text, width - GUTTER),
      style: selected ? undefined : roleStyle(theme, heading.role),
    });
    return <Line segments={segments} style={style} width={width} />;
  }
  columns.forEach((c, n) => {
    const cell = c.spec.cell(model, ctx);
    if (n > 0) segments.push({ text: gap });
    const full = cell.short !== undefined && widthOf(cell.text) > c.width ? cell.short : cell.text;
    const text = cell.spark ? sparkline(cell.spark, c.width) : fit(full, c.width, c.spec.align);
    segments.push({ text, style: selected ? undefined : roleStyle(theme, cell.role) });
  });
  return <Line segments={segments} style={style} width={width} />;
});

/** The list on screen as a table: its header, and only the rows that fit (or why there are none). */
export type TableProps = {
  view: ListView;
  columns: readonly ShownColumn[];
  ctx: RenderContext;
  marked: (key: string) => boolean;
};

export const Table = memo(function Table(props: TableProps & { width: number }) {
  const { view, columns, ctx, marked, width } = props;
  const { spec, sort } = view;
  const { t, theme } = useUi();
  const [from, to] = visibleRange(view.viewport, view.rows.length, view.height);
  const header = useMemo(
    () =>
      columns
        .map((c) => {
          const mark = sort.column === c.spec.id ? (sort.desc ? '▼' : '▲') : '';
          return fit(c.title + mark, c.width, c.spec.align === 'right' && !mark ? 'right' : 'left');
        })
        .join(gap),
    [columns, sort],
  );
  // Every row's width: gutter, the columns and the gaps between them.
  const rowWidth = useMemo(() => columns.reduce((sum, c, n) => sum + c.width + (n > 0 ? GAP : 0), GUTTER), [columns]);
  return (
    <Box flexDirection="column">
      <Line segments={[{ text: ' '.repeat(GUTTER) + header }]} style={theme.table.header} width={rowWidth} />
      {view.rows.slice(from, to).map((model, i) => {
        const key = spec.key(model);
        return (
          <Row
            key={key}
            model={model}
            spec={spec}
            columns={columns}
            selected={from + i === view.viewport.cursor}
            marked={marked(key)}
            ctx={ctx}
            width={rowWidth}
          />
        );
      })}
      {from >= to && (
        <TextLine text={` ${t(view.query ? 'filter.none' : 'list.empty')}`} style={theme.text.muted} width={width} />
      )}
    </Box>
  );
});
