/** The one table of the console: handed only the rows on screen, it lays its columns out for its width. */
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { useUi } from '../context.js';
import { fit, widthOf } from '../text/fit.js';
import { sparkline } from '../text/sparkline.js';
import type { Theme, Style } from '../theme/theme.js';
import { GAP, layoutColumns, type LaidOutColumn } from '../view/columns.js';
import type { CellRole, ListSpec, RenderContext } from '../view/list-spec.js';
import type { SortState } from '../view/list-view.js';
import { Line, type Segment } from './Line.js';

/** The first cell of every row: cursor or change mark. */
const GUTTER = 1;

export const roleStyle = (theme: Theme, role: CellRole | undefined): Style | undefined =>
  role === undefined ? undefined : role === 'muted' || role === 'emphasis' ? theme.text[role] : theme.status[role];

export function useColumns(spec: ListSpec<unknown>, width: number): LaidOutColumn[] {
  const { t } = useUi();
  return useMemo(() => layoutColumns(spec.columns, width - GUTTER, (c) => t(c.title)), [spec, width, t]);
}

interface TableProps {
  readonly spec: ListSpec<unknown>;
  readonly columns: readonly LaidOutColumn[];
  readonly rows: readonly unknown[];
  /** Index within `rows` of the cursor; -1 for none. */
  readonly selected: number;
  readonly marked: (key: string) => boolean;
  readonly sort: SortState | null;
  readonly ctx: RenderContext;
}

const gap = ' '.repeat(GAP);

/** The width of every row: gutter, the columns and the gaps between them. */
const rowWidth = (columns: readonly LaidOutColumn[]): number =>
  columns.reduce((sum, c, n) => sum + c.width + (n > 0 ? GAP : 0), GUTTER);

interface RowProps {
  readonly model: unknown;
  readonly spec: ListSpec<unknown>;
  readonly columns: readonly LaidOutColumn[];
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
  const cells = spec.cells(model, ctx);
  columns.forEach((c, n) => {
    const cell = cells[c.spec.id];
    if (n > 0) segments.push({ text: gap });
    const full = cell?.short !== undefined && widthOf(cell.text) > c.width ? cell.short : (cell?.text ?? '');
    const text = cell?.spark ? sparkline(cell.spark, c.width) : fit(full, c.width, c.spec.align);
    segments.push({ text, style: selected ? undefined : roleStyle(theme, cell?.role) });
  });
  return <Line segments={segments} style={style} width={width} />;
});

export const Table = memo(function Table({ spec, columns, rows, selected, marked, sort, ctx }: TableProps) {
  const { theme } = useUi();
  const header = useMemo(
    () =>
      columns
        .map((c) => {
          const mark = sort && sort.column === c.spec.id ? (sort.desc ? '▼' : '▲') : '';
          return fit(c.title + mark, c.width, c.spec.align === 'right' && !mark ? 'right' : 'left');
        })
        .join(gap),
    [columns, sort],
  );
  const width = useMemo(() => rowWidth(columns), [columns]);
  return (
    <Box flexDirection="column">
      <Line segments={[{ text: ' '.repeat(GUTTER) + header }]} style={theme.table.header} width={width} />
      {rows.map((model, i) => {
        const key = spec.key(model);
        return (
          <Row
            key={key}
            model={model}
            spec={spec}
            columns={columns}
            selected={i === selected}
            marked={marked(key)}
            ctx={ctx}
            width={width}
          />
        );
      })}
    </Box>
  );
});
