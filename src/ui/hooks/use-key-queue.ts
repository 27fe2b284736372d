/**
 * Keys in the order they came, each handled once the screen shows the one before: Ink hands over a burst of keys
 * (key repeat, type-ahead over SSH) before React has drawn the first, which would act on a stale cursor. While
 * `ready` is false (a key switched screens and the new one's rows are not read yet) the next key waits too.
 */
import { useInput, type Key } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { keyPresses, type KeyPress } from '../keys/key-presses.js';

/** `handle` acts on the first key waiting, or on a run that is one change (text pasted into a filter): how many. */
export function useKeyQueue(handle: (waiting: readonly KeyPress[]) => number, ready = true): void {
  const waiting = useRef<KeyPress[]>([]);
  const isReady = useRef(ready);
  isReady.current = ready;
  /** A key has been handled and its effects are not yet on screen. */
  const drawing = useRef(false);
  const [drawn, redraw] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(handle);
  latest.current = handle;
  const next = useCallback((): void => {
    if (drawing.current || !isReady.current || waiting.current.length === 0) return;
    waiting.current.splice(0, Math.max(1, latest.current(waiting.current)));
    drawing.current = true;
    redraw();
  }, []);
  useEffect(() => {
    drawing.current = false;
    next();
  }, [drawn, next, ready]);
  const onInput = useCallback(
    (input: string, key: Key): void => {
      waiting.current.push(...keyPresses(input, key));
      next();
    },
    [next],
  );
  useInput(onInput);
}
