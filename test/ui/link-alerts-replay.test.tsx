/** The header and banner per link state, folded alerts, and the replay keys through the one dispatcher. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { idleIngest, type ReplaySource, type ReplayStatus } from '../../src/ui/data/sources.js';
import { fixtureAlerts, fixtureData, fixtureMetrics, NOW } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

const lines = (frame: string): string[] => frame.split('\n');

describe('link states as the ingest client has them', () => {
  it('stale: the hub has said nothing for a while; time since its last message, not the newest event', async () => {
    const app = await renderConsoleAt(100, 24, {
      ingest: idleIngest({ state: 'stale', since: NOW - 40_000, lastMessageAt: NOW - 45_000, lagEvents: 0 }),
    });
    const frame = app.frame();
    expect(lines(frame)[0]).toContain('● stale');
    expect(lines(frame)[2]).toContain('STALE (cached 2024-03-13 02:59) — nothing from the hub for 45 seconds');
  });

  it('offline at 80 columns: no lag the hub can no longer tell, the age of the newest data instead', async () => {
    const app = await renderConsoleAt(80, 24, {
      ingest: idleIngest({ state: 'offline', since: NOW - 36_000, lagEvents: 0, lastError: 'connect refused' }),
    });
    const header = lines(app.frame())[0]!;
    expect(header).toContain('● offline');
    expect(header).not.toContain('lag');
    expect(header).toMatch(/newest \d+ (seconds?|minutes?) ago/);
  });

  it('catching up old history is not stale, however old the newest event', async () => {
    const app = await renderConsoleAt(80, 24, {
      ingest: idleIngest({ state: 'catching_up', lastMessageAt: NOW - 200, lagEvents: 48_000, eventsPerSec: 9_500 }),
    });
    const frame = app.frame();
    expect(lines(frame)[0]).toContain('● catching up · lag 48,000');
    expect(frame).not.toContain('STALE');
  });

  it('after a long catch-up, says on the status line how far documents and deadlines lag', async () => {
    const data = fixtureData();
    const app = await renderConsoleAt(80, 24, {
      metrics: fixtureMetrics({ ...data, stream: { ...data.stream, derivedBehind: 412_500 } }),
    });
    expect(lines(app.frame()).at(-2)).toBe(
      '⚠ catching up: documents, deliveries and deadlines lag 412,500 events behind',
    );
    const caughtUp = await renderConsoleAt(80, 24);
    expect(lines(caughtUp.frame()).at(-2)?.trimEnd()).toBe('no rejected messages');
  });

  it('reconnecting: when the link was lost and when the next try is due, cached figures still shown', async () => {
    const app = await renderConsoleAt(80, 24, {
      ingest: idleIngest({
        state: 'reconnecting',
        since: NOW - 2 * 60_000,
        nextAttemptAt: NOW + 7_500,
        lastError: 'hub closed the connection (1006)',
      }),
    });
    const frame = await app.press('2');
    expect(lines(frame)[0]).toContain('● reconnecting');
    expect(lines(frame)[2]).toContain('RECONNECTING (cached 2024-03-13 02:59) since 2 minutes ago · retry in 8s');
    expect(frame).toContain('000.00.00.H41');
    expect(frame).toContain('error: hub closed the connection (1006)');
  });

  describe('no alert firing is an all-clear only on live figures', () => {
    const none = { list: () => [], acknowledge: () => false };
    const empty = () => {
      const data = fixtureData();
      return fixtureMetrics({ ...data, stream: { ...data.stream, newestEventTs: null, lastSeq: 0, events: 0 } });
    };

    it('says there is nothing to judge when the cache holds nothing yet', async () => {
      const app = await renderConsoleAt(100, 24, {
        alerts: none,
        metrics: empty(),
        ingest: idleIngest({ state: 'offline', since: NOW - 60_000, nextAttemptAt: NOW + 30_000 }),
      });
      const frame = app.frame();
      expect(lines(frame)[1]).toContain('alerts: no data yet');
      expect(frame).toContain('no data yet: nothing to judge');
      expect(frame).not.toContain('no alert');
    });

    it('connecting: says what is cached, or that nothing is', async () => {
      const connecting = () => idleIngest({ state: 'connecting', since: NOW - 2_000 });
      const cached = await renderConsoleAt(80, 24, { alerts: none, ingest: connecting() });
      expect(cached.frame()).toContain('Connecting to the hub; cached figures shown');
      const fresh = await renderConsoleAt(80, 24, { alerts: none, metrics: empty(), ingest: connecting() });
      expect(fresh.frame()).toContain('Connecting to the hub; nothing cached yet, every figure waits for it');
      expect(fresh.frame()).not.toContain('cached figures shown');
    });

    it('catching up before the registry is stored: waits for it rather than counting zeros', async () => {
      const data = fixtureData();
      const app = await renderConsoleAt(80, 24, {
        alerts: none,
        metrics: fixtureMetrics({ ...data, totals: { agencies: 0, servers: 0 } }),
        ingest: idleIngest({ state: 'catching_up', lastMessageAt: NOW - 200, lagEvents: 48_000 }),
      });
      const frame = app.frame();
      expect(frame).toContain("Traffic and servers: waiting for the hub's registry of agencies and servers");
      expect(frame).not.toMatch(/0 of 0 agencies|Servers: 0 down/);
    });

    it('says the quiet is judged on cached figures while the link is down', async () => {
      const app = await renderConsoleAt(100, 24, {
        alerts: none,
        ingest: idleIngest({ state: 'reconnecting', since: NOW - 60_000, nextAttemptAt: NOW + 30_000 }),
      });
      const frame = app.frame();
      expect(lines(frame)[1]).toContain('no alerts (cached)');
      expect(frame).toContain('no alert is firing on the cached figures');
    });

    it('is no all-clear while catching up: part of the history is stored, the rest is still coming', async () => {
      const app = await renderConsoleAt(80, 24, {
        alerts: none,
        ingest: idleIngest({ state: 'catching_up', lastMessageAt: NOW - 200, lagEvents: 48_000, eventsPerSec: 9_500 }),
      });
      const frame = app.frame();
      expect(lines(frame)[1]).toContain('alerts: once caught up');
      expect(frame).toContain('none firing so far: judged in full once caught up with the hub');
      expect(frame).not.toContain('no alert');
    });

    it('is an all-clear on live figures', async () => {
      const app = await renderConsoleAt(100, 24, { alerts: none });
      const frame = app.frame();
      expect(lines(frame)[1]?.trimEnd()).toMatch(/no alerts$/);
      expect(frame).toContain(' no alert is firing');
    });
  });

  it('offline says when the next attempt is due', async () => {
    const app = await renderConsoleAt(100, 24, {
      ingest: idleIngest({ state: 'offline', since: NOW - 60_000, nextAttemptAt: NOW + 30_000 }),
    });
    expect(app.frame()).toContain('OFFLINE (cached 2024-03-13 02:59) since 1 minute ago · retry in 30s');
  });

  it('read-only cache: no banner, "read-only" in the header, who writes the cache on the status line', async () => {
    const app = await renderConsoleAt(100, 24, {
      ingest: idleIngest({
        state: 'offline',
        lagEvents: null,
        readOnly: { path: '/var/cache/hubmon/hub.sqlite', writer: { pid: 4242, host: 'trucdem' } },
        notices: ['alert thresholds: ~/.config/hubmon/alerts.json: rules.overdue.warn: expected number, got string'],
      }),
    });
    const frame = app.frame();
    expect(lines(frame)[0]).toContain('● read-only');
    expect(lines(frame)[0]).not.toContain('lag');
    // It stores no events: no rate of its own to pass for the hub's.
    expect(lines(frame)[0]).not.toContain('ev/s');
    expect(frame).not.toContain('OFFLINE');
    const status = lines(frame).at(-2) ?? '';
    expect(status).toContain(
      '⚠ read-only: /var/cache/hubmon/hub.sqlite is written by pid 4242 on trucdem · alert thresholds',
    );
  });
});

describe('alerts as the engine has them', () => {
  it('shows folded symptoms, who acknowledged, and lists the affected agencies on Enter', async () => {
    const app = await renderConsoleAt(80, 24);
    const frame = await app.press('6');
    expect(frame).toContain('CRIT firing  +2 folded · Security');
    expect(frame).toMatch(/WARN acked {3}Throughput −60% +trucdem/);
    // The selected alert in full under the list: at 80 columns the list has no room for its subject.
    expect(frame).toContain(' Security server down 12 min — MCBM-099');
    expect(await app.press('G')).toMatch(/ Throughput −60% — Văn phòng Chính phủ · acknowledged by trucdem \d{4}-/);
    await app.press('g');
    const affected = await app.press(KEY.enter);
    expect(affected).toContain('Affected: Security server down 12 min');
    // The cause's agency and those folded under it, with the Agencies columns.
    expect(affected).toContain('Identifier     Sent/m  Recv/m  SigFail  Overdue Server  Incid');
    expect(affected).toContain('Nghệ An          000.00.00.H41');
    expect(affected).toContain('Xã Kim Liên      000.01.01.H41');
    // Enter again drills into the agency itself; Esc twice is back on the alerts.
    expect(await app.press(KEY.enter)).toContain('000.00.00.H41 · level 1');
    await app.press(KEY.esc, KEY.esc);
    expect(app.frame()).toContain('+2 folded');
  });

  it('records who acknowledged', async () => {
    const alerts = fixtureAlerts();
    const app = await renderConsoleAt(80, 24, { alerts });
    await app.press('6', 'j', 'a');
    expect(alerts.items.find((a) => a.id === 'a2')?.acknowledgedBy).toBe('operator');
    expect(app.frame()).toContain('acknowledged: 12 overdue replies');
  });
});

describe('replay controls in the key-bindings table', () => {
  function fakeReplay(): ReplaySource & { calls: string[] } {
    let s: ReplayStatus = { now: NOW, speed: 60, paused: false, finished: false };
    const calls: string[] = [];
    return {
      calls,
      status: () => s,
      togglePause: () => (calls.push('pause'), (s = { ...s, paused: !s.paused })),
      step: () => (calls.push('step'), (s = { ...s, paused: true, now: s.now + 60_000 })),
      faster: () => (calls.push('faster'), (s = { ...s, speed: s.speed * 2 })),
      slower: () => (calls.push('slower'), (s = { ...s, speed: s.speed / 2 })),
      forward: () => (calls.push('forward'), (s = { ...s, now: s.now + 600_000 })),
      back: () => (calls.push('back'), (s = { ...s, now: s.now - 600_000, finished: false })),
      toStart: () => (calls.push('start'), (s = { ...s, now: NOW, finished: false })),
      toEnd: () => (calls.push('end'), (s = { ...s, now: NOW + 3_600_000, finished: true })),
      jumpTo: (t: number) => (calls.push(`jump ${new Date(t).toISOString()}`), (s = { ...s, now: t })),
    };
  }

  it('P, ., ] and [ reach the player through the dispatcher; the header shows its clock and speed', async () => {
    const replay = fakeReplay();
    const app = await renderConsoleAt(100, 24, { replay });
    expect(lines(app.frame())[0]).toContain('REPLAY 2024-03-13 03:00 ×60');
    expect(lines(await app.press(']'))[0]).toContain('×120');
    await app.press('[', '[');
    expect(lines(app.frame())[0]).toContain('×30');
    expect(lines(await app.press('P'))[0]).toContain('×30 ‖');
    expect(lines(await app.press('.'))[0]).toContain('REPLAY 2024-03-13 03:01');
    expect(lines(await app.press('>'))[0]).toContain('REPLAY 2024-03-13 03:11');
    expect(lines(await app.press('}'))[0]).toContain('REPLAY 2024-03-13 04:00 (end)');
    expect(lines(await app.press('<'))[0]).toContain('REPLAY 2024-03-13 03:50');
    expect(lines(await app.press('{'))[0]).toContain('REPLAY 2024-03-13 03:00');
    expect(replay.calls).toEqual(['faster', 'slower', 'slower', 'pause', 'step', 'forward', 'end', 'back', 'start']);
    // The console's own p (freeze figures) is still its own.
    expect(await app.press('p')).toContain('FROZEN');
  });

  it('are hinted in the footer and listed in Help, and are text while typing a filter', async () => {
    const replay = fakeReplay();
    const app = await renderConsoleAt(100, 24, { replay });
    expect(lines(app.frame()).at(-1)).toContain('P pause replay  . step  [/] speed');
    const help = await app.press('?');
    expect(help).toContain('pause or resume the replay clock (figures follow it)');
    expect(help).toContain('freeze or unfreeze the figures on screen');
    // One row for both speed keys, each named with what it does.
    expect(help).toContain('[/]      [ half as fast (down to ×1), ] twice as fast (up to ×3600)');
    expect(help).toContain('jump 10 recorded minutes ahead');
    await app.press(KEY.esc, '2', '/', 'P', '.');
    expect(replay.calls).toEqual([]);
    expect(app.frame()).toContain('P.');
  });

  it(': takes a time typed after it (Vietnam time) and jumps there, ahead or back; a bad time is said so', async () => {
    const replay = fakeReplay();
    const app = await renderConsoleAt(100, 24, { replay });
    expect(await app.press(':')).toContain('Go to (HH:MM or YYYY-MM-DD HH:MM): ▏');
    await app.press('0', '4', ':', '3', 'x', KEY.backspace, '0');
    expect(app.frame()).toContain('Go to (HH:MM or YYYY-MM-DD HH:MM): 04:30▏');
    // Typed keys are text, not replay or screen keys.
    expect(replay.calls).toEqual([]);
    expect(lines(await app.press(KEY.enter))[0]).toContain('REPLAY 2024-03-13 04:30');
    expect(replay.calls).toEqual(['jump 2024-03-12T21:30:00.000Z']);
    expect(lines(await app.press(':', '0', '3', ':', '1', '5', KEY.enter))[0]).toContain('REPLAY 2024-03-13 03:15');
    await app.press(':', 'z', KEY.enter);
    expect(app.frame()).toContain('“z” is not a time');
    await app.press(':', '1');
    expect(await app.press(KEY.esc)).not.toContain('Go to (');
    expect(replay.calls).toHaveLength(2);
  });

  it('are not bound outside a replay', async () => {
    const app = await renderConsoleAt(100, 24);
    expect(app.frame()).not.toContain('REPLAY');
    expect(await app.press('?')).not.toContain('replay clock');
  });
});
