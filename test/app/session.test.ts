/** The console's session on the built-in simulated hub: what it judges, and when. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSession, type Session } from '../../src/app/session.js';
import { resolveSettings } from '../../src/config/index.js';

let session: Session | null = null;
let dir: string | null = null;
afterEach(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  session = dir = null;
});

it('judges the alerts on reaching live, before anything subscribed after it reads them', async () => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-session-'));
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
  // No hub given: the built-in simulated one, as the console starts with no flags.
  session = await startSession({ env, settings: resolveSettings({ lang: 'en' }, env) });
  const { sources, ingest } = session;
  // Subscribed after the session, as the screens are: what they read on reaching live.
  const atLive = await new Promise<number>((resolve) => {
    const off = ingest!.subscribe((s) => {
      if (s.state !== 'live') return;
      off();
      resolve(sources.alerts.list(Date.now()).length);
    });
  });
  // The demo hub's history holds standing problems (overdue replies, expired certificates): they fire at once.
  expect(atLive).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 300));
  expect(sources.alerts.list(Date.now()).length).toBe(atLive);
});
