/**
 * The replay's time controls, one table: it drives the key handling and the help text. The keys
 * are ones the console's own tables leave free, so both can listen to the same terminal.
 */
import type { ReplayPlayer } from './replay-player.js';

export interface ReplayBinding {
  readonly key: string;
  readonly shown: string;
  readonly help: string;
  run(player: ReplayPlayer): void;
}

export const REPLAY_BINDINGS: readonly ReplayBinding[] = [
  { key: 'P', shown: 'P', help: 'pause / resume the replay clock', run: (p) => p.togglePause() },
  { key: '.', shown: '.', help: 'step: apply the next event and pause', run: (p) => p.step() },
  { key: ']', shown: ']', help: 'replay twice as fast (up to ×3600)', run: (p) => p.faster() },
  { key: '[', shown: '[', help: 'replay half as fast (down to ×1)', run: (p) => p.slower() },
];

/** Runs the binding of each key in a chunk of terminal input; returns whether any matched. */
export function handleReplayInput(chunk: string, player: ReplayPlayer): boolean {
  let matched = false;
  for (const ch of chunk) {
    const b = REPLAY_BINDINGS.find((x) => x.key === ch);
    if (b) {
      b.run(player);
      matched = true;
    }
  }
  return matched;
}
