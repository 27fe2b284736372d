/**
 * `hubmon replay FILE` as an operator runs it: the real `bin/hubmon` in a real terminal (tmux,
 * 80×24) opens the console on the recording's clock, takes the pause key, and on q gives the
 * terminal back as it was, saying where it stopped.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventMessages, openingMessages } from '../report/helpers/fixture-stream.js';
import { bin, built } from '../support/bin.js';
import { hasTmux, startTmux, type TmuxSession } from '../support/tmux.js';

describe.runIf(hasTmux() && built)('hubmon replay in a real terminal', () => {
  let dir: string;
  let file: string;
  let term: TmuxSession | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hubmon-e2e-replay-'));
    file = join(dir, 'rec.ndjson');
    writeFileSync(file, `${[...openingMessages(), ...eventMessages()].map((m) => JSON.stringify(m)).join('\n')}\n`);
  });

  afterAll(() => {
    term?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the console on the recording, pauses on P, and quits cleanly on q', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    term = startTmux(`node ${bin} replay ${file} --lang en`, {
      cols: 80,
      rows: 24,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), TMPDIR: tmp },
    });
    const first = await term.waitFor(
      (s) => s.includes('1 Overview') || s.includes('[exit '),
      'the console drawn (or the command ending)',
    );
    expect(first).toContain('1 Overview');
    expect(first.split('\n')[0]).toMatch(/^hubmon Trục thử nghiệm +REPLAY 2026-11-\d\d \d\d:\d\d ×60/);
    expect(term.modes()).toEqual({ alternateScreen: true, cursorVisible: false });
    // The temporary cache the recording is played into.
    expect(readdirSync(tmp)).toHaveLength(1);

    term.send('P');
    await term.waitFor((s) => (s.split('\n')[0] ?? '').includes('‖'), 'the header to say paused');

    term.send('q');
    const after = await term.waitFor((s) => s.includes('[exit 0]'), 'the replay to exit 0');
    expect(after).toMatch(
      /hubmon replay: stopped at \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d+\), \d+ of \d+ events applied/,
    );
    expect(after).not.toContain('1 Overview');
    expect(term.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
    expect(readdirSync(tmp)).toEqual([]);
  });
});
