/**
 * The key bindings, one table per view. The same tables drive the input dispatcher, the Help screen and the footer
 * hints, so what the screen says is what the keys do.
 */
import type { MessageKey } from '../i18n/translate.js';
import { widthOf } from '../text/fit.js';

export interface Binding {
  /** Key names as `keyName` produces them: 'up', 'enter', 'esc', 'tab', 'j', 'G', '/'. */
  readonly keys: readonly string[];
  /** What the key asks for (`KeyAction`). */
  readonly action: string;
  /** How the keys are written in hints and help; defaults to the keys joined by "/". */
  readonly shown?: string;
  /** Short label for the footer; bindings without one are listed only in Help. */
  readonly hint?: MessageKey;
  /** Which hints a narrow footer keeps: rank 0 first (help and quit, the way to every other key), then 1 (default)… */
  readonly hintRank?: number;
  readonly help: MessageKey;
}

/** A table's title in Help is `help.group.<id>`. */
export interface BindingTable {
  readonly id: 'global' | 'list' | 'agencies' | 'alerts' | 'detail' | 'filter' | 'replay';
  readonly bindings: readonly Binding[];
}

/** A table of bindings, its actions kept as the literal names `KeyAction` is made of. */
const bindingTable = <const B extends readonly Binding[]>(id: BindingTable['id'], bindings: B) => ({ id, bindings });

const globalBindings = bindingTable('global', [
  { keys: ['1'], action: 'screen1', shown: '1–6', hint: 'key.screens', help: 'key.screens.help' },
  { keys: ['2'], action: 'screen2', help: 'key.screens.help' },
  { keys: ['3'], action: 'screen3', help: 'key.screens.help' },
  { keys: ['4'], action: 'screen4', help: 'key.screens.help' },
  { keys: ['5'], action: 'screen5', help: 'key.screens.help' },
  { keys: ['6'], action: 'screen6', help: 'key.screens.help' },
  { keys: ['tab'], action: 'nextScreen', shown: 'Tab', help: 'key.nextScreen.help' },
  { keys: ['shift-tab'], action: 'prevScreen', shown: 'S-Tab', help: 'key.prevScreen.help' },
  { keys: ['esc'], action: 'back', shown: 'Esc', hint: 'key.back', help: 'key.back.help' },
  { keys: ['p'], action: 'pause', hint: 'key.pause', help: 'key.pause.help' },
  { keys: ['w'], action: 'window', hint: 'key.window', help: 'key.window.help' },
  { keys: ['?'], action: 'help', hint: 'key.help', hintRank: 0, help: 'key.help.help' },
  { keys: ['q', 'ctrl-c'], action: 'quit', shown: 'q', hint: 'key.quit', hintRank: 0, help: 'key.quit.help' },
]);

const listBindings = bindingTable('list', [
  { keys: ['up', 'k'], action: 'up', shown: '↑/k', help: 'key.up.help' },
  { keys: ['down', 'j'], action: 'down', shown: '↓/j', hint: 'key.move', help: 'key.down.help' },
  { keys: ['pageup', 'ctrl-b'], action: 'pageUp', shown: 'PgUp', help: 'key.pageUp.help' },
  { keys: ['pagedown', 'ctrl-f', ' '], action: 'pageDown', shown: 'PgDn', help: 'key.pageDown.help' },
  { keys: ['g', 'home'], action: 'top', shown: 'g', help: 'key.top.help' },
  { keys: ['G', 'end'], action: 'bottom', shown: 'G', help: 'key.bottom.help' },
  { keys: ['enter'], action: 'open', shown: 'Enter', hint: 'key.open', help: 'key.open.help' },
  { keys: ['/'], action: 'filter', hint: 'key.filter', help: 'key.filter.help' },
  { keys: ['s'], action: 'sort', hint: 'key.sort', help: 'key.sort.help' },
  { keys: ['S'], action: 'sortReverse', help: 'key.sortReverse.help' },
  { keys: ['d'], action: 'describe', help: 'key.describe.help' },
]);

const agenciesBindings = bindingTable('agencies', [
  { keys: ['l'], action: 'level', hint: 'key.level', help: 'key.level.help' },
  { keys: ['f'], action: 'problem', hint: 'key.problem', help: 'key.problem.help' },
]);

const alertsBindings = bindingTable('alerts', [
  { keys: ['a'], action: 'ack', hint: 'key.ack', help: 'key.ack.help' },
  { keys: [' '], action: 'mark', shown: 'Space', hint: 'key.mark', hintRank: 2, help: 'key.mark.help' },
]);

const detailBindings = bindingTable('detail', [
  { keys: ['left', 'h'], action: 'prevSection', shown: '←/→', hint: 'key.section', help: 'key.section.help' },
  { keys: ['right', 'l'], action: 'nextSection', help: 'key.section.help' },
]);

/** While a filter is being typed every printable key is text; only these act. */
const filterBindings = bindingTable('filter', [
  { keys: ['enter'], action: 'filterAccept', shown: 'Enter', hint: 'key.filterAccept', help: 'key.filterAccept.help' },
  { keys: ['esc'], action: 'filterCancel', shown: 'Esc', hint: 'key.filterCancel', help: 'key.filterCancel.help' },
  { keys: ['backspace'], action: 'filterErase', shown: '⌫', hint: 'key.filterErase', help: 'key.filterErase.help' },
]);

/** The recording's clock in `hubmon replay`; active only there, on every screen but while typing a filter. */
export const replayBindings = bindingTable('replay', [
  { keys: ['P'], action: 'replayPause', hint: 'key.replayPause', help: 'key.replayPause.help' },
  { keys: ['.'], action: 'replayStep', hint: 'key.replayStep', help: 'key.replayStep.help' },
  { keys: ['['], action: 'replaySlower', shown: '[/]', hint: 'key.replaySpeed', help: 'key.replaySpeed.help' },
  { keys: [']'], action: 'replayFaster', help: 'key.replaySpeed.help' },
  { keys: ['>'], action: 'replayForward', hint: 'key.replayForward', help: 'key.replayForward.help' },
  { keys: ['<'], action: 'replayBack', hint: 'key.replayBack', help: 'key.replayBack.help' },
  { keys: ['}'], action: 'replayEnd', help: 'key.replayEnd.help' },
  { keys: ['{'], action: 'replayStart', help: 'key.replayStart.help' },
  { keys: [':'], action: 'replayGoto', help: 'key.replayGoto.help' },
]);

/** Every table, in the order Help lists them (the replay table is added in replay mode). */
export const ALL_TABLES = [
  globalBindings,
  listBindings,
  agenciesBindings,
  alertsBindings,
  detailBindings,
  filterBindings,
] as const;

/** Everything a key can ask for. */
export type KeyAction = (typeof ALL_TABLES)[number]['bindings'][number]['action'] | ReplayAction;
type ReplayAction = (typeof replayBindings)['bindings'][number]['action'];

const LIST = [listBindings, globalBindings] as const;
const VIEW_TABLES = {
  list: LIST,
  filter: [filterBindings],
  agencies: [agenciesBindings, ...LIST],
  alerts: [alertsBindings, ...LIST],
  detail: [detailBindings, ...LIST],
} satisfies Record<string, readonly BindingTable[]>;
/** What the keys act on: a list (any screen but those with keys of their own), or the filter being typed. */
export type KeyContext = keyof typeof VIEW_TABLES;

/** The tables of a view; in replay mode the replay table comes first, except while typing. */
const tablesFor = (context: KeyContext, replay = false): readonly BindingTable[] =>
  replay && context !== 'filter' ? [replayBindings, ...VIEW_TABLES[context]] : VIEW_TABLES[context];

export function resolveKey(context: KeyContext, name: string, replay = false): KeyAction | null {
  for (const table of tablesFor(context, replay))
    for (const b of table.bindings) if (b.keys.includes(name)) return b.action as KeyAction;
  return null;
}

export const hintsFor = (context: KeyContext, replay = false): readonly Binding[] =>
  tablesFor(context, replay).flatMap((t) => t.bindings.filter((b) => b.hint !== undefined));

export const shownKeys = (b: Binding): string => b.shown ?? b.keys.join('/');

/** Space after each footer hint. */
export const HINT_GAP = 2;

/**
 * The hints a footer of `width` cells has room for. When not all fit, the most important are kept (by hint rank, then
 * table order); those kept stay in table order, so a hint does not move as the terminal narrows.
 */
export function fitHints(bindings: readonly Binding[], width: number, label: (b: Binding) => string) {
  const hints = bindings.map((b, order) => ({ keys: shownKeys(b), label: label(b), rank: b.hintRank ?? 1, order }));
  const kept = new Set<number>();
  let used = 0;
  for (const h of [...hints].sort((a, b) => a.rank - b.rank || a.order - b.order)) {
    const cost = widthOf(h.keys) + 1 + widthOf(h.label) + HINT_GAP;
    if (used + cost > width) continue;
    kept.add(h.order);
    used += cost;
  }
  return hints.filter((h) => kept.has(h.order));
}
