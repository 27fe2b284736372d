/** The k9s-style renderer of one entity kind: its columns, its cells with colour roles, its sort, filter and state. */
import type { Translate } from '../i18n/translate.js';
import type { Lang } from '../../config/settings.js';
import type { ColumnSpec } from './columns.js';

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

export interface RenderContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly now: number;
}

export interface ListSpec<M> {
  readonly columns: readonly ColumnSpec[];
  readonly defaultSort: { readonly column: string; readonly desc: boolean };
  key(model: M): string;
  /** The agency Enter opens for this row, if any. */
  agencyId?(model: M): string | null;
  /** The document this row is about, if any: Enter and `d` describe it. */
  documentId?(model: M): string | null;
  cells(model: M, ctx: RenderContext): Readonly<Record<string, Cell>>;
  /** A row drawn as one cell across every column (a group's title in Help) instead of its cells. */
  heading?(model: M, ctx: RenderContext): Cell | null;
  sortValue(model: M, column: string): number | string;
  /** Lower-cased, diacritics-folded text the filter searches. */
  searchText(model: M): string;
  /** Changes when the row's state (not just its traffic) changes: the row is marked. */
  stateKey?(model: M): string;
}
