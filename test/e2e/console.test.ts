/**
 * The real `bin/hubmon` in a real terminal (tmux, 80×24) against the simulated hub on 127.0.0.1:
 * list the agencies behind a security server that is down and drill into one, reach the
 * outage's affected agencies from the Overview, come back, quit, and find the terminal given
 * back as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimHub, type SimHub } from '../../src/sim/index.js';
import { built } from '../support/bin.js';
import { headerSaysLive, startConsoleInTmux } from '../support/console-in-tmux.js';
import { hasTmux, type TmuxSession } from '../support/tmux.js';

describe.runIf(hasTmux() && built)('hubmon in a real terminal', () => {
  let hub: SimHub;
  let dir: string;
  const sessions: TmuxSession[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hubmon-e2e-'));
    // 20× speed: the scripted outage (simulated minutes 1–13) is down from ~3 s to ~39 s real time.
    hub = await startSimHub({ port: 0, seed: 5, speed: 20, agencies: 200, history: 30 * 60_000 });
  });

  afterAll(async () => {
    for (const s of sessions) s.kill();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['colour', {}],
    ['NO_COLOR and TERM=linux', { NO_COLOR: '1', TERM: 'linux' }],
  ])('drills into the agency behind a down security server and back, then quits cleanly (%s)', async (name, env) => {
    const outage = hub.incidents.find((i) => i.kind === 'server_down');
    expect(outage).toBeDefined();
    const serverId = outage!.target;
    const home = join(dir, name.replace(/\W+/g, '-'));
    const term = startConsoleInTmux(hub.url, home, env);
    sessions.push(term);

    await term.waitFor(headerSaysLive, 'the header to say live');
    term.send('3');
    await term.waitFor((s) => s.includes('Security servers'), 'the servers screen');
    // Servers sort worst first: the outage is near the top once the hub reports it.
    const isDownRow = (line: string) => line.includes(serverId) && line.includes('DOWN');
    await term.waitFor((s) => s.split('\n').some(isDownRow), `server ${serverId} shown DOWN`, 40_000);
    // Walk the cursor onto it (another server may be flapping down beside it).
    await term.waitFor((s) => {
      const lines = s.split('\n');
      if (lines.some((l) => l.startsWith('›') && isDownRow(l))) return true;
      term.send('j');
      return false;
    }, 'the cursor on the down server');
    // Enter on a server lists the agencies behind it; Enter on one of them opens its detail.
    term.send('Enter');
    const behind = await term.waitFor(
      (s) => s.includes(`Agencies behind`) && s.includes(serverId),
      'the agencies behind it',
    );
    expect(outage!.affectedAgencies.some((id) => behind.includes(id))).toBe(true);
    term.send('Enter');
    const detail = await term.waitFor(
      (s) => /level \d/.test(s) && s.includes(`server ${serverId} DOWN`),
      'the agency detail',
    );
    const agencyLine = detail.split('\n').find((l) => l.includes('000.'));
    expect(agencyLine).toBeDefined();
    expect(outage!.affectedAgencies.some((id) => detail.includes(id))).toBe(true);
    // Colours (SGR 30–38, 40–48, 90–97, 100–107; 39/49 are the resets) only when colour is allowed.
    // eslint-disable-next-line no-control-regex -- matching escape sequences is the point
    const colours = /\u001b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
    expect(colours.test(term.captureStyled())).toBe(!('NO_COLOR' in env));

    term.send('Escape');
    await term.waitFor((s) => s.includes('Agencies behind'), 'back on the agencies behind it');
    term.send('Escape');
    await term.waitFor(
      (s) => s.split('\n').some((line) => line.startsWith('›') && line.includes(serverId)),
      'back on the servers list',
    );

    term.send('q');
    const after = await term.waitFor((s) => s.includes('[exit 0]'), 'the console to exit 0');
    expect(after).not.toContain('DOWN');
    expect(term.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
  });

  it("reaches the outage's affected agencies from the Overview in at most two keys", { timeout: 90_000 }, async () => {
    // A hub of its own: the shared one's outage is over by the time this test runs.
    const own = await startSimHub({ port: 0, seed: 5, speed: 20, agencies: 200, history: 30 * 60_000 });
    const outage = own.incidents.find((i) => i.kind === 'server_down')!;
    const term = startConsoleInTmux(own.url, join(dir, 'incident'));
    sessions.push(term);
    try {
      await term.waitFor(headerSaysLive, 'the header to say live');
      // The Overview ranks a down server first, one row per outage, its cursor on the first row.
      const cursorOnOutage = (s: string) =>
        s.split('\n').some((l) => l.startsWith('›Server') && l.includes(outage.target) && l.includes('DOWN'));
      await term.waitFor(cursorOnOutage, `the outage of ${outage.target} first on the Overview`, 40_000);
      // 1 key: Enter on the outage's row lists every agency behind the server.
      term.send('Enter');
      const listed = await term.waitFor((s) => s.includes(`Agencies behind`), 'the affected agencies');
      const title = listed.split('\n').find((l) => l.startsWith('Agencies behind')) ?? '';
      expect(title).toContain(outage.target);
      expect(Number(/(\d+)\s*$/.exec(title)?.[1])).toBe(outage.affectedAgencies.length);
      for (const id of outage.affectedAgencies.slice(0, 10)) expect(listed).toContain(id);
      // Esc is back on the Overview; 6 opens the Incidents screen (the outage may be over by now at 20×).
      term.send('Escape');
      await term.waitFor((s) => s.includes('Worst agencies'), 'back on the Overview');
      term.send('6');
      await term.waitFor((s) => /Sev\s+State/.test(s), 'the incidents');
      term.send('q');
      await term.waitFor((s) => s.includes('[exit 0]'), 'the console to exit 0');
    } finally {
      await own.close();
    }
  });

  it('acts on every key sent in one burst, in order, as over SSH', async () => {
    const term = startConsoleInTmux(hub.url, join(dir, 'burst'));
    sessions.push(term);
    await term.waitFor(headerSaysLive, 'the header to say live');
    term.send('2');
    // Agencies sort by name, which refreshes do not reorder; the cursor's row under the header.
    const cursorRow = (s: string): number => {
      const lines = s.split('\n');
      const header = lines.findIndex((l) => l.startsWith(' Name'));
      const cursor = lines.findIndex((l) => l.startsWith('›'));
      return header < 0 || cursor < 0 ? -1 : cursor - header;
    };
    await term.waitFor((s) => s.includes('Agencies') && cursorRow(s) === 1, 'the agencies list');
    term.send('j', 'j', 'j');
    await term.waitFor((s) => cursorRow(s) === 4, 'j j j to move three rows');
    term.send('Down', 'Down', 'Down');
    await term.waitFor((s) => cursorRow(s) === 7, 'Down Down Down to move three rows');
    term.type('gjj');
    const third = await term.waitFor((s) => cursorRow(s) === 3, 'gjj to go to the top and down two rows');
    const lines = third.split('\n');
    const first = lines[lines.findIndex((l) => l.startsWith(' Name')) + 1] ?? '';
    const wanted = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}/.exec(first)?.[0] ?? '';
    expect(wanted).not.toBe('');
    term.send('k', 'k', 'Enter');
    await term.waitFor((s) => s.includes(`${wanted} · level 1`), `k k Enter to open ${wanted}`);
    term.send('q');
    await term.waitFor((s) => s.includes('[exit 0]'), 'the console to exit 0');
  });
});
