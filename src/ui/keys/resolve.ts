/** Finding the action for a key in the tables active for a view, most specific first. */
import type { KeyAction } from './actions.js';
import {
  agenciesBindings,
  alertsBindings,
  detailBindings,
  filterBindings,
  globalBindings,
  listBindings,
  replayBindings,
  type Binding,
  type BindingTable,
} from './bindings.js';

/** Which tables a view uses; the view ids mirror the console's routes. */
export type KeyContext = 'overview' | 'agencies' | 'list' | 'alerts' | 'detail' | 'help' | 'filter';

/** The tables of a view; in replay mode the replay table comes first, except while typing. */
function tablesFor(context: KeyContext, replay = false): readonly BindingTable[] {
  const tables = viewTables(context);
  return replay && context !== 'filter' ? [replayBindings, ...tables] : tables;
}

function viewTables(context: KeyContext): readonly BindingTable[] {
  switch (context) {
    case 'filter':
      return [filterBindings];
    case 'help':
      return [listBindings, globalBindings];
    case 'agencies':
      return [agenciesBindings, listBindings, globalBindings];
    case 'alerts':
      return [alertsBindings, listBindings, globalBindings];
    case 'detail':
      return [detailBindings, listBindings, globalBindings];
    default:
      return [listBindings, globalBindings];
  }
}

export function resolveKey(context: KeyContext, name: string, replay = false): KeyAction | null {
  for (const table of tablesFor(context, replay)) {
    for (const b of table.bindings) if (b.keys.includes(name)) return b.action;
  }
  return null;
}

/** The footer hints: specific tables first, one entry per hint label. */
export function hintsFor(context: KeyContext, replay = false): readonly Binding[] {
  return tablesFor(context, replay).flatMap((t) => t.bindings.filter((b) => b.hint !== undefined));
}

export const shownKeys = (b: Binding): string => b.shown ?? b.keys.join('/');
