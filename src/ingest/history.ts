import type { HelloMessage, HubIdentity } from './sink.js';

/** Marks a history split off an epoch whose numbering started over: `E1#restart-2`. */
const RESTART_MARK = '#restart-';

/** Both known and the same history. */
export const sameIdentity = (a: HubIdentity | undefined, b: HubIdentity | undefined): boolean =>
  a !== undefined && b !== undefined && a.hubId === b.hubId && a.epoch === b.epoch;

/** The history a hello names, before any split is taken into account. */
export const identityOf = (hello: HelloMessage): HubIdentity => ({ hubId: hello.data.hubId, epoch: hello.data.epoch });

/** `epoch` is `base` itself or a history split off it. */
export const splitOff = (epoch: string, base: string): boolean =>
  epoch === base || epoch.startsWith(base + RESTART_MARK);

/** The next history split off `base` after `current`: `E1` → `E1#restart-2` → `E1#restart-3`. */
export function nextHistory(current: HubIdentity, base: string): HubIdentity {
  const n = current.epoch.startsWith(base + RESTART_MARK)
    ? Number(current.epoch.slice(base.length + RESTART_MARK.length))
    : 1;
  return { hubId: current.hubId, epoch: `${base}${RESTART_MARK}${(Number.isFinite(n) ? n : 1) + 1}` };
}

/** The hello as the sink should file it: under the history the client resolved it to. */
export const helloFiledAs = (hello: HelloMessage, history: HubIdentity): HelloMessage =>
  history.epoch === hello.data.epoch ? hello : { ...hello, data: { ...hello.data, epoch: history.epoch } };
