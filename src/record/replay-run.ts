/** A replay that goes back by building the recording again into a fresh cache; `metrics` and `alerts` follow it. */
import { join } from 'node:path';
import type { ReplaySource as Recording } from '../sim/replay-source.js';
import { openCache, removeCacheFile, type Cache } from '../store/index.js';
import { JUMP_MS, ReplayPlayer, type ReplayState } from './replay-player.js';

/** Where a replay stands, for the header. */
export type ReplayStatus = Pick<ReplayState, 'now' | 'speed' | 'paused' | 'finished'>;

/** A replay's time controls, as the console's replay key bindings drive them. */
export type ReplayControls = ReturnType<typeof replayControls>;

interface Build<M, A> {
  readonly file: string;
  readonly cache: Cache;
  readonly player: ReplayPlayer;
  readonly metrics: M;
  readonly alerts: A;
}

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
  private current: Build<M, A>;
  private builds = 0;
  readonly metrics: M;
  readonly alerts: A;

  /** `dir` holds the builds' cache files; `wire` makes a build's metrics and alerts at the recording's clock. */
  constructor(
    private readonly recording: Recording,
    private readonly dir: string,
    speed: number,
    private readonly wire: (cache: Cache, now: () => number) => { metrics: M; alerts: A },
  ) {
    this.current = this.build(speed);
    this.metrics = delegate(() => this.current.metrics);
    this.alerts = delegate(() => this.current.alerts);
  }

  get player(): ReplayPlayer {
    return this.current.player;
  }

  now(): number {
    return this.current.player.state().now;
  }

  /** Moves the clock to `t` (the first event at the earliest): ahead in place, back by building again up to it. */
  goTo(t: number): void {
    const at = Math.max(this.recording.events[0]?.t ?? t, t);
    if (at >= this.now()) this.player.jumpTo(at);
    else this.rebuild(at);
  }

  close(): void {
    this.current.cache.close();
    removeCacheFile(this.current.file);
  }

  private build(speed: number): Build<M, A> {
    const file = join(this.dir, `replay-${++this.builds}.sqlite`);
    const built: { player?: ReplayPlayer } = {};
    const first = this.recording.events[0]?.t ?? Date.now();
    // Events are received at the recording's clock, so none is ever ahead of its receipt.
    const now = (): number => built.player?.state().now ?? first;
    const cache = openCache({ path: file, now });
    const player = (built.player = new ReplayPlayer(cache, this.recording, speed));
    return { file, cache, player, ...this.wire(cache, now) };
  }

  private rebuild(t: number): void {
    const old = this.current;
    const was = old.player.state();
    const next = this.build(was.speed);
    next.player.jumpTo(t);
    if (was.paused) next.player.togglePause();
    this.current = next;
    old.cache.close();
    removeCacheFile(old.file);
  }
}

/** The run as the console's replay source, driven by the replay key bindings. */
export function replayControls(run: ReplayRun<object, object>) {
  return {
    status: (): ReplayStatus => run.player.state(),
    togglePause: () => run.player.togglePause(),
    step: () => run.player.step(),
    faster: () => run.player.faster(),
    slower: () => run.player.slower(),
    forward: () => run.player.forward(),
    /** Ten recorded minutes back (or to the first event). */
    back: () => run.goTo(run.now() - JUMP_MS),
    toStart: () => run.goTo(Number.NEGATIVE_INFINITY),
    toEnd: () => run.goTo(Number.POSITIVE_INFINITY),
    /** Moves the clock to `t`, epoch ms, ahead or back. */
    jumpTo: (t: number) => run.goTo(t),
  };
}
