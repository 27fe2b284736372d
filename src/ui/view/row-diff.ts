/** Marks rows whose state changed since the previous refresh, for a moment, as k9s does. */
import type { ListSpec } from './list-spec.js';

export const CHANGE_MARK_MS = 3000;

export interface DiffMemory {
  readonly states: ReadonlyMap<string, string>;
  /** Keys and states in the order the rows came: lists in registry order compare without lookups. */
  readonly keys?: readonly string[];
  readonly stateList?: readonly string[];
  readonly changedAt: ReadonlyMap<string, number>;
}

export const emptyDiff: DiffMemory = { states: new Map(), changedAt: new Map() };

/** Rows seen for the first time are not marked (the first load would mark everything); old marks drop off. */
export function diffRows<M>(
  prev: DiffMemory,
  spec: Pick<ListSpec<M>, 'key' | 'stateKey'>,
  models: readonly M[],
  now: number,
): DiffMemory {
  const states = new Map<string, string>();
  const changedAt = new Map<string, number>();
  const firstLoad = prev.states.size === 0;
  const keys = new Array<string>(models.length);
  const stateList = new Array<string>(models.length);
  for (let i = 0; i < models.length; i++) {
    const m = models[i] as M;
    const key = spec.key(m);
    const state = spec.stateKey?.(m) ?? '';
    keys[i] = key;
    stateList[i] = state;
    states.set(key, state);
    const before = prev.keys?.[i] === key ? prev.stateList?.[i] : prev.states.get(key);
    if (!firstLoad && before !== undefined && before !== state) changedAt.set(key, now);
    else if (isMarked(prev, key, now)) changedAt.set(key, prev.changedAt.get(key)!);
  }
  return { states, changedAt, keys, stateList };
}

export const isMarked = (memory: DiffMemory, key: string, now: number): boolean =>
  now - (memory.changedAt.get(key) ?? -Infinity) < CHANGE_MARK_MS;
