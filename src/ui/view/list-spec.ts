/** The k9s-style renderer of one entity kind: its columns, its cells with colour roles, its sort, filter and state. */
import type { Translate } from '../i18n/translate.js';
import type { Lang } from '../../config/settings.js';
import type { ColumnSpec } from './columns.js';
import { formatCount } from '../text/format-number.js';

/** Named colour roles a cell may ask for; the theme decides what they look like. */
export type CellRole = 'ok' | 'warn' | 'critical' | 'unknown' | 'muted' | 'emphasis';

export interface Cell {
  readonly text: string;
  /** What to show instead when `text` does not fit its column (a duration's largest unit). */
  readonly short?: string;
  readonly role?: CellRole | undefined;
  /** A series drawn as a sparkline as wide as the column (the text is then unused). */
  readonly spark?: readonly number[];
}

export type RenderContext = { readonly lang: Lang; readonly t: Translate; readonly now: number };

/** One column of a list: its heading and width rule, what a row shows in it and what `s` sorts it by. */
export interface Column<M> extends ColumnSpec {
  cell(model: M, ctx: RenderContext): Cell;
  /** Absent: the column sorts by the list's `fallbackSort`. */
  sort?(model: M): number | string;
}

/**
 * A column written in one place: `column<M>(layout)`, then `.sortBy(value).shows(cell)`, `.shows(cell)` (sorted by the
 * list's `fallbackSort`), `.text(value)` or `.counts(value)`.
 */
export function column<M>(layout: ColumnSpec) {
  const shows =
    (sort?: Column<M>['sort'], spec: ColumnSpec = layout) =>
    (cell: Column<M>['cell']): Column<M> => ({ ...spec, cell, sort });
  return {
    shows: shows(),
    sortBy: (sort: Column<M>['sort']) => ({ shows: shows(sort) }),
    /** A text shown whole (cut to fit) and sorted by. */
    text: (value: (model: M) => string, role?: CellRole) => shows(value)((m) => ({ text: value(m), role })),
    /** A count: right-aligned, biggest first, written as the reader's language writes numbers; `warn`: warn above 0. */
    counts: (value: (model: M) => number, role?: ((model: M) => CellRole | undefined) | 'warn') =>
      shows(value, { ...layout, align: 'right', descFirst: true })((m, { lang }) => {
        const n = value(m);
        return { text: formatCount(n, lang), role: role === 'warn' ? (n > 0 ? 'warn' : undefined) : role?.(m) };
      }),
  };
}

export interface ListSpec<M> {
  readonly columns: readonly Column<M>[];
  readonly defaultSort: { readonly column: string; readonly desc: boolean };
  key(model: M): string;
  /** The agency Enter opens for this row, if any. */
  agencyId?(model: M): string | null;
  /** The document this row is about, if any: Enter and `d` describe it. */
  documentId?(model: M): string | null;
  /** What the describe view (`d`) calls this row; by default its first cell. */
  describeTitle?(model: M): string;
  /** A row drawn as one cell across every column (a group's title in Help) instead of its cells. */
  heading?(model: M, ctx: RenderContext): Cell | null;
  /** What a column without a sort of its own sorts by, and a sort naming no column (the list's own order). */
  fallbackSort(model: M): number | string;
  /** Lower-cased, diacritics-folded text the filter searches. */
  searchText(model: M): string;
  /** Changes when the row's state (not just its traffic) changes: the row is marked. */
  stateKey?(model: M): string;
}
