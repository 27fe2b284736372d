/* eslint-disable no-control-regex -- matching control characters is the point here. */
/**
 * What Ink hands `useInput`, as the key presses it holds: a run of plain characters (key repeat, type-ahead over SSH,
 * `tmux send-keys j j j`) comes as one string, "jjj", each character a key of its own.
 */
import type { Key } from 'ink';

/** Ink's (input, key) pair reduced to one name the bindings tables speak of. */
function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl-${input}`;
  return input;
}

/** A key's name, and what it types into a filter: null for a key that types nothing (Enter, Ctrl-…, Alt-…). */
export type KeyPress = Readonly<{ name: string; text: string | null }>;

const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f]+$/u;

/** Control characters inside a run, named as `keyName` names them when they come alone. */
const CONTROL: Readonly<Record<string, string>> = {
  '\r': 'enter',
  '\t': 'tab',
  '\u001b': 'esc',
  '\u007f': 'backspace',
  '\b': 'backspace',
  // Ink reads a lone line feed as a key it reports as nothing.
  '\n': '',
};

function charPress(c: string): KeyPress {
  if (PRINTABLE.test(c)) return { name: c, text: c };
  const named = CONTROL[c];
  if (named !== undefined) return { name: named, text: null };
  const code = c.codePointAt(0) ?? 0;
  // Ctrl-A … Ctrl-Z, as Ink reports them alone.
  return { name: code >= 1 && code <= 26 ? `ctrl-${String.fromCharCode(code + 96)}` : '', text: null };
}

export function keyPresses(input: string, key: Key): KeyPress[] {
  const name = keyName(input, key);
  const chars = [...input];
  if (name !== input || key.meta || chars.length <= 1)
    return [{ name, text: !key.ctrl && !key.meta && PRINTABLE.test(input) ? input : null }];
  return chars.map(charPress);
}
