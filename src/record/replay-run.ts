/**
 * A recording played into a cache on a simulated clock, which the console reads as a live cache and the wall clock.
 * Going back builds the recording again into a fresh cache; `metrics` and `alerts` follow the current build.
 */
import { join } from 'node:path';
import { parseFrame } from '../protocol/index.js';
import { snapshotPartData } from '../sim/registry-snapshot.js';
import type { ReplaySource as Recording } from '../sim/replay-source.js';
import { openCache, removeCacheFile, type Cache } from '../store/index.js';

const MIN_SPEED = 1;
const MAX_SPEED = 3_600;
const clampSpeed = (speed: number): number => Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
/** How far one jump moves the recorded clock. */
const JUMP_MS = 10 * 60_000;

/** Where a replay stands, for the header: `now` the simulated time (epoch ms), `speed` recorded s per real second. */
export type ReplayStatus = Pick<
  ReturnType<ReplayRun<object, object>['state']>,
  'now' | 'speed' | 'paused' | 'finished'
>;

/** A replay's time controls, as the console's replay key bindings drive them. */
export type ReplayControls = ReturnType<typeof replayControls>;

/** An object whose every property is read from `current()` at the time of use. */
function delegate<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const target = current();
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (_target, key) => Reflect.has(current(), key),
  });
}

export class ReplayRun<M extends object, A extends object> {
  private index = 0;
  private clock = 0;
  private rate: number;
  private isPaused = false;
  private builds = 0;
  private current: { readonly file: string; readonly cache: Cache; readonly metrics: M; readonly alerts: A };
  readonly metrics: M;
  readonly alerts: A;

  /** `dir` holds the builds' cache files; `wire` makes a build's metrics and alerts at the recording's clock. */
  constructor(
    private readonly recording: Recording,
    private readonly dir: string,
    speed: number,
    private readonly wire: (cache: Cache, now: () => number) => { metrics: M; alerts: A },
  ) {
    this.rate = clampSpeed(speed);
    this.current = this.build();
    this.applyUntil(this.clock);
    this.metrics = delegate(() => this.current.metrics);
    this.alerts = delegate(() => this.current.alerts);
  }

  state() {
    const total = this.recording.events.length;
    const finished = this.index >= total;
    return { now: this.clock, speed: this.rate, paused: this.isPaused, applied: this.index, total, finished };
  }

  now(): number {
    return this.clock;
  }

  /** Moves the simulated clock by `realMs` × speed (unless paused) and applies what is due. */
  tick(realMs: number): void {
    if (this.isPaused || this.index >= this.recording.events.length) return;
    this.clock += realMs * this.rate;
    this.applyUntil(this.clock);
  }

  /** Applies exactly the next event and moves the clock to it; pauses, so the step stays put. */
  step(): void {
    this.isPaused = true;
    const next = this.recording.events[this.index];
    if (!next) return;
    this.clock = Math.max(this.clock, next.t);
    this.apply(this.index + 1);
  }

  togglePause(): void {
    this.isPaused = !this.isPaused;
  }

  /** One jump ahead: ten recorded minutes, or to the next event when none falls in them. */
  forward(): void {
    const next = this.recording.events[this.index]?.t ?? this.clock;
    this.ahead(Math.max(this.clock + JUMP_MS, next));
  }

  /** Multiplies the speed by `factor` (2 faster, 0.5 slower), within its bounds. */
  scaleSpeed(factor: number): void {
    this.rate = clampSpeed(this.rate * factor);
  }

  /** Moves the clock to `t` (the first event at the earliest): ahead in place, back by building again up to it. */
  goTo(t: number): void {
    const at = Math.max(this.recording.events[0]?.t ?? t, t);
    if (at < this.clock) {
      const old = this.current;
      this.current = this.build();
      old.cache.close();
      removeCacheFile(old.file);
    }
    this.ahead(at);
  }

  close(): void {
    this.current.cache.close();
    removeCacheFile(this.current.file);
  }

  /** A fresh cache at the recording's start, holding its hello and registry; the clock and the events start over. */
  private build() {
    const file = join(this.dir, `replay-${++this.builds}.sqlite`);
    // Events are received at the recording's clock, so none is ever ahead of its receipt.
    const now = (): number => this.clock;
    const cache = openCache({ path: file, now });
    const { events, hubId, hubName, epoch } = this.recording;
    this.index = 0;
    this.clock = events[0]?.t ?? Date.now();
    const ts = new Date(this.clock).toISOString();
    const hello = {
      v: 1,
      seq: 0,
      ts,
      type: 'hello',
      data: {
        hubId: hubId || 'recording',
        hubName: hubName || 'recording',
        hubVersion: 'replay',
        epoch: epoch || 'recording',
        serverTime: ts,
        newestSeq: events.at(-1)?.seq ?? 0,
        oldestSeq: events[0]?.seq ?? 0,
        heartbeatMs: 5000,
      },
    };
    // In parts as the hub sends them: one part may hold at most 5,000 agencies.
    const parts = snapshotPartData(this.recording.agencies, this.recording.securityServers).map(
      (data) => `{"v":1,"seq":0,"ts":${JSON.stringify(ts)},"type":"registry.snapshot","data":${data}}`,
    );
    const frames = [JSON.stringify(hello), ...parts].map((text) => parseFrame(text));
    cache.applyBatch(
      frames.flatMap((f) => f.messages),
      frames.flatMap((f) => f.rejections),
    );
    return { file, cache, ...this.wire(cache, now) };
  }

  /** Moves the clock forward to `t` (never back), at most to the last event, applying what falls due. */
  private ahead(t: number): void {
    const last = this.recording.events.at(-1)?.t ?? this.clock;
    this.clock = Math.max(this.clock, Math.min(t, last));
    this.applyUntil(this.clock);
  }

  private applyUntil(t: number): void {
    let end = this.index;
    while (end < this.recording.events.length && (this.recording.events[end]?.t ?? Infinity) <= t) end++;
    this.apply(end);
  }

  private apply(to: number): void {
    for (let i = this.index; i < to; i += 5_000) {
      const slice = this.recording.events.slice(i, Math.min(to, i + 5_000));
      const parsed = parseFrame(`[${slice.map((e) => e.text).join(',')}]`);
      this.current.cache.applyBatch(parsed.messages, parsed.rejections);
    }
    this.index = to;
  }
}

/** The run as the console's replay source, driven by the replay key bindings. */
export function replayControls(run: ReplayRun<object, object>) {
  return {
    status: (): ReplayStatus => run.state(),
    togglePause: () => run.togglePause(),
    step: () => run.step(),
    faster: () => run.scaleSpeed(2),
    slower: () => run.scaleSpeed(0.5),
    forward: () => run.forward(),
    /** Ten recorded minutes back (or to the first event). */
    back: () => run.goTo(run.now() - JUMP_MS),
    toStart: () => run.goTo(Number.NEGATIVE_INFINITY),
    toEnd: () => run.goTo(Number.POSITIVE_INFINITY),
    /** Moves the clock to `t`, epoch ms, ahead or back. */
    jumpTo: (t: number) => run.goTo(t),
  };
}
