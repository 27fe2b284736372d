/** Marks rows whose state changed since the previous refresh, for a moment, as k9s does. */
import type { ListSpec } from './list-spec.js';

export const CHANGE_MARK_MS = 3000;

export interface DiffMemory {
  /** Keys and states in the order the rows came: a row at its old place is compared without a lookup. */
  readonly keys: readonly string[];
  readonly states: readonly string[];
  readonly changedAt: ReadonlyMap<string, number>;
}

export const emptyDiff: DiffMemory = { keys: [], states: [], changedAt: new Map() };

/** Rows seen for the first time are not marked (the first load would mark everything); old marks drop off. */
export function diffRows<M>(
  prev: DiffMemory,
  spec: Pick<ListSpec<M>, 'key' | 'stateKey'>,
  models: readonly M[],
  now: number,
): DiffMemory {
  const changedAt = new Map<string, number>();
  const firstLoad = prev.keys.length === 0;
  const keys = new Array<string>(models.length);
  const states = new Array<string>(models.length);
  // The previous states by key, built only when a row is not at its old place.
  let before: Map<string, string> | undefined;
  for (let i = 0; i < models.length; i++) {
    const m = models[i] as M;
    const key = spec.key(m);
    const state = spec.stateKey?.(m) ?? '';
    keys[i] = key;
    states[i] = state;
    if (firstLoad) continue;
    let was: string | undefined;
    if (prev.keys[i] === key) was = prev.states[i];
    else was = (before ??= new Map(prev.keys.map((k, j) => [k, prev.states[j]!]))).get(key);
    if (was !== undefined && was !== state) changedAt.set(key, now);
    else if (prev.changedAt.size > 0 && isMarked(prev, key, now)) changedAt.set(key, prev.changedAt.get(key)!);
  }
  return { keys, states, changedAt };
}

export const isMarked = (memory: DiffMemory, key: string, now: number): boolean =>
  now - (memory.changedAt.get(key) ?? -Infinity) < CHANGE_MARK_MS;
