import { join } from 'node:path';
import { bin } from './bin.js';
import { startTmux, type TmuxSession } from './tmux.js';

/**
 * The real bin/hubmon watching `hubUrl` in an 80×24 tmux terminal, in English, with `home` as its
 * HOME, config and cache folders (nothing of the user's is read or written) and the cache in
 * `home/cache.sqlite`.
 */
export function startConsoleInTmux(hubUrl: string, home: string, env: Record<string, string> = {}): TmuxSession {
  return startTmux(`node ${bin} --url ${hubUrl} --cache ${join(home, 'cache.sqlite')} --lang en`, {
    cols: 80,
    rows: 24,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'), ...env },
  });
}

/** The header (first line) says the link is live. */
export const headerSaysLive = (screen: string): boolean => /\blive\b/.test(screen.split('\n')[0] ?? '');
