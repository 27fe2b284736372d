import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** XDG base directory, falling back to the spec's default under the home folder. */
function base(env: Env, variable: string, fallback: string): string {
  const value = env[variable];
  // The spec says relative paths are invalid and must be ignored.
  return value && isAbsolute(value) ? value : join(env.HOME || homedir(), fallback);
}

/** Where hubmon keeps its caches: `$XDG_CACHE_HOME/hubmon`. */
export const cacheDir = (env: Env = process.env): string => join(base(env, 'XDG_CACHE_HOME', '.cache'), 'hubmon');

/** Where hubmon reads its settings: `$XDG_CONFIG_HOME/hubmon`. */
export const configDir = (env: Env = process.env): string => join(base(env, 'XDG_CONFIG_HOME', '.config'), 'hubmon');

/** Where hubmon keeps state it must not lose (the gateway's events): `$XDG_STATE_HOME/hubmon`. */
export const stateDir = (env: Env = process.env): string => join(base(env, 'XDG_STATE_HOME', '.local/state'), 'hubmon');
