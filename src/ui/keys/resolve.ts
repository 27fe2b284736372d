/** Finding the action for a key in the tables active for a view, most specific first. */
import type { KeyAction } from './actions.js';
import {
  agenciesBindings,
  alertsBindings,
  detailBindings,
  filterBindings,
  globalBindings,
  listBindings,
  type Binding,
  type BindingTable,
} from './bindings.js';

/** Which tables a view uses; the view ids mirror the console's routes. */
export type KeyContext = 'overview' | 'agencies' | 'list' | 'alerts' | 'detail' | 'help' | 'filter';

export function tablesFor(context: KeyContext): readonly BindingTable[] {
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

export function resolveKey(context: KeyContext, name: string): KeyAction | null {
  for (const table of tablesFor(context)) {
    for (const b of table.bindings) if (b.keys.includes(name)) return b.action;
  }
  return null;
}

/** The footer hints: specific tables first, one entry per hint label. */
export function hintsFor(context: KeyContext): readonly Binding[] {
  return tablesFor(context).flatMap((t) => t.bindings.filter((b) => b.hint !== undefined));
}

export const shownKeys = (b: Binding): string => b.shown ?? b.keys.join('/');
