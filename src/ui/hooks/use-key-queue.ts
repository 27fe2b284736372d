/**
 * Keys in the order they came, each handled once the screen has caught up with the one before.
 * A read from the terminal can hold several keys (key repeat or type-ahead over SSH), and Ink
 * hands them over before React has drawn the first: handled at once, the second would move
 * from the cursor the first had left behind, or open the row the cursor was on before.
 */
import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { keyPresses, type KeyPress } from '../keys/key-presses.js';

/**
 * `handle` is given the keys waiting, oldest first, acts on the first (or on a run of them
 * that is one change, such as text pasted into a filter) and says how many it used.
 */
export function useKeyQueue(handle: (waiting: readonly KeyPress[]) => number): void {
  const waiting = useRef<KeyPress[]>([]);
  /** A key has been handled and its effects are not yet on screen. */
  const drawing = useRef(false);
  const [drawn, redraw] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(handle);
  latest.current = handle;

  const next = useCallback((): void => {
    if (drawing.current || waiting.current.length === 0) return;
    const used = Math.max(1, latest.current(waiting.current));
    waiting.current.splice(0, used);
    drawing.current = true;
    redraw();
  }, []);

  useEffect(() => {
    drawing.current = false;
    next();
  }, [drawn, next]);

  const onInput = useCallback(
    (input: string, key: Key): void => {
      waiting.current.push(...keyPresses(input, key));
      next();
    },
    [next],
  );
  useInput(onInput);
}
