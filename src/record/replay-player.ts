/** Plays a recording into a cache on a simulated clock, which the console reads as a live cache and the wall clock. */
import { parseFrame } from '../protocol/index.js';
import { snapshotPartData } from '../sim/registry-snapshot.js';
import type { ReplaySource } from '../sim/replay-source.js';
import type { Cache } from '../store/index.js';

const MIN_SPEED = 1;
const MAX_SPEED = 3_600;
const clampSpeed = (speed: number): number => Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
/** How far one forward jump moves the recorded clock. */
export const JUMP_MS = 10 * 60_000;

/** Where a replay stands: `now` the simulated time (epoch ms), `speed` recorded seconds per real second. */
export type ReplayState = ReturnType<ReplayPlayer['state']>;

export class ReplayPlayer {
  private index = 0;
  private clock: number;
  private rate: number;
  private isPaused = false;

  constructor(
    private readonly cache: Cache,
    private readonly source: ReplaySource,
    speed: number,
  ) {
    this.rate = clampSpeed(speed);
    this.clock = source.events[0]?.t ?? cache.now();
    const hello = {
      v: 1,
      seq: 0,
      ts: new Date(this.clock).toISOString(),
      type: 'hello',
      data: {
        hubId: source.hubId || 'recording',
        hubName: source.hubName || 'recording',
        hubVersion: 'replay',
        epoch: source.epoch || 'recording',
        serverTime: new Date(this.clock).toISOString(),
        newestSeq: source.events.at(-1)?.seq ?? 0,
        oldestSeq: source.events[0]?.seq ?? 0,
        heartbeatMs: 5000,
      },
    };
    // In parts as the hub sends them: one part may hold at most 5,000 agencies.
    const parts = snapshotPartData(source.agencies, source.securityServers).map(
      (data) => `{"v":1,"seq":0,"ts":${JSON.stringify(hello.ts)},"type":"registry.snapshot","data":${data}}`,
    );
    const frames = [JSON.stringify(hello), ...parts].map((text) => parseFrame(text));
    cache.applyBatch(
      frames.flatMap((f) => f.messages),
      frames.flatMap((f) => f.rejections),
    );
    this.applyUntil(this.clock);
  }

  state() {
    const total = this.source.events.length;
    const finished = this.index >= total;
    return { now: this.clock, speed: this.rate, paused: this.isPaused, applied: this.index, total, finished };
  }

  /** Moves the simulated clock by `realMs` × speed (unless paused) and applies what is due. */
  tick(realMs: number): void {
    if (this.isPaused || this.index >= this.source.events.length) return;
    this.clock += realMs * this.rate;
    this.applyUntil(this.clock);
  }

  /** Applies exactly the next event and moves the clock to it; pauses, so the step stays put. */
  step(): void {
    this.isPaused = true;
    const next = this.source.events[this.index];
    if (!next) return;
    this.clock = Math.max(this.clock, next.t);
    this.apply(this.index, this.index + 1);
  }

  togglePause(): void {
    this.isPaused = !this.isPaused;
  }

  /** Moves the clock forward to `t` (never back), at most to the last event, applying what falls due. */
  jumpTo(t: number): void {
    const last = this.source.events.at(-1)?.t ?? this.clock;
    this.clock = Math.max(this.clock, Math.min(t, last));
    this.applyUntil(this.clock);
  }

  /** One jump ahead: ten recorded minutes, or to the next event when none falls in them. */
  forward(): void {
    const next = this.source.events[this.index]?.t ?? this.clock;
    this.jumpTo(Math.max(this.clock + JUMP_MS, next));
  }

  faster(): void {
    this.rate = clampSpeed(this.rate * 2);
  }

  slower(): void {
    this.rate = clampSpeed(this.rate / 2);
  }

  private applyUntil(t: number): void {
    let end = this.index;
    while (end < this.source.events.length && (this.source.events[end]?.t ?? Infinity) <= t) end++;
    this.apply(this.index, end);
  }

  private apply(from: number, to: number): void {
    if (to <= from) return;
    for (let i = from; i < to; i += 5_000) {
      const slice = this.source.events.slice(i, Math.min(to, i + 5_000));
      const parsed = parseFrame(`[${slice.map((e) => e.text).join(',')}]`);
      this.cache.applyBatch(parsed.messages, parsed.rejections);
    }
    this.index = to;
  }
}
