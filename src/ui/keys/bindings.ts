/**
 * The key bindings, one table per view. The same tables drive the input dispatcher, the
 * Help screen and the footer hints, so what the screen says is what the keys do.
 */
import type { MessageKey } from '../i18n/translate.js';
import type { KeyAction } from './actions.js';

export interface Binding {
  /** Key names as `keyName` produces them: 'up', 'enter', 'esc', 'tab', 'j', 'G', '/'. */
  readonly keys: readonly string[];
  readonly action: KeyAction;
  /** How the keys are written in hints and help; defaults to the keys joined by "/". */
  readonly shown?: string;
  /** Short label for the footer; bindings without one are listed only in Help. */
  readonly hint?: MessageKey;
  /**
   * Which hints a footer too narrow for all of them keeps: rank 0 first (help and quit, so the
   * way to every other key is always on screen), then the rest (1 by default) in table order.
   */
  readonly hintRank?: number;
  readonly help: MessageKey;
}

export interface BindingTable {
  readonly id: 'global' | 'list' | 'agencies' | 'alerts' | 'detail' | 'filter' | 'replay';
  readonly title: MessageKey;
  readonly bindings: readonly Binding[];
}

export const globalBindings: BindingTable = {
  id: 'global',
  title: 'help.group.global',
  bindings: [
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
  ],
};

export const listBindings: BindingTable = {
  id: 'list',
  title: 'help.group.list',
  bindings: [
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
  ],
};

export const agenciesBindings: BindingTable = {
  id: 'agencies',
  title: 'help.group.agencies',
  bindings: [
    { keys: ['l'], action: 'level', hint: 'key.level', help: 'key.level.help' },
    { keys: ['f'], action: 'problem', hint: 'key.problem', help: 'key.problem.help' },
  ],
};

export const alertsBindings: BindingTable = {
  id: 'alerts',
  title: 'help.group.alerts',
  bindings: [
    { keys: ['a'], action: 'ack', hint: 'key.ack', help: 'key.ack.help' },
    { keys: [' '], action: 'mark', shown: 'Space', hint: 'key.mark', hintRank: 2, help: 'key.mark.help' },
  ],
};

export const detailBindings: BindingTable = {
  id: 'detail',
  title: 'help.group.detail',
  bindings: [
    { keys: ['left', 'h'], action: 'prevSection', shown: '←/→', hint: 'key.section', help: 'key.section.help' },
    { keys: ['right', 'l'], action: 'nextSection', help: 'key.section.help' },
  ],
};

/** While a filter is being typed every printable key is text; only these act. */
export const filterBindings: BindingTable = {
  id: 'filter',
  title: 'help.group.filter',
  bindings: [
    { keys: ['enter'], action: 'filterAccept', shown: 'Enter', help: 'key.filterAccept.help' },
    { keys: ['esc'], action: 'filterCancel', shown: 'Esc', help: 'key.filterCancel.help' },
    { keys: ['backspace'], action: 'filterErase', shown: '⌫', help: 'key.filterErase.help' },
  ],
};

/** The recording's clock in `hubmon replay`; active only there, on every screen but while typing a filter. */
export const replayBindings: BindingTable = {
  id: 'replay',
  title: 'help.group.replay',
  bindings: [
    { keys: ['P'], action: 'replayPause', hint: 'key.replayPause', help: 'key.replayPause.help' },
    { keys: ['.'], action: 'replayStep', hint: 'key.replayStep', help: 'key.replayStep.help' },
    { keys: ['['], action: 'replaySlower', shown: '[/]', hint: 'key.replaySpeed', help: 'key.replaySpeed.help' },
    { keys: [']'], action: 'replayFaster', help: 'key.replaySpeed.help' },
    { keys: ['>'], action: 'replayForward', hint: 'key.replayForward', help: 'key.replayForward.help' },
    { keys: ['<'], action: 'replayBack', hint: 'key.replayBack', help: 'key.replayBack.help' },
    { keys: ['}'], action: 'replayEnd', help: 'key.replayEnd.help' },
    { keys: ['{'], action: 'replayStart', help: 'key.replayStart.help' },
    { keys: [':'], action: 'replayGoto', help: 'key.replayGoto.help' },
  ],
};

/** Every table, in the order Help lists them (the replay table is added in replay mode). */
export const ALL_TABLES: readonly BindingTable[] = [
  globalBindings,
  listBindings,
  agenciesBindings,
  alertsBindings,
  detailBindings,
  filterBindings,
];
