import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/index.js';
import {
  activityAt,
  isWorkingTime,
  nextWorkingTime,
  planIncidents,
  SimGenerator,
  worldFromRegistry,
  type SimEvent,
} from '../../src/sim/index.js';

const START = Date.UTC(2025, 2, 12, 2, 0); // Wednesday 09:00 in Hà Nội
const MIN = 60_000;
const world = worldFromRegistry(buildRegistry({ totalAgencies: 95, seed: 7 }));

function run(until: number, seed = 7, start = START): SimEvent[] {
  const gen = new SimGenerator({ world, seed, start, historyMs: 30 * MIN });
  const out: SimEvent[] = [];
  gen.drainUntil(until, (ev) => out.push(ev));
  return out;
}
const d = <T>(ev: SimEvent) => ev.data as T;

describe('office rhythm (Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['Wednesday 09:00', Date.UTC(2025, 2, 12, 2, 0), 1, true],
    ['Wednesday 12:00 (lunch)', Date.UTC(2025, 2, 12, 5, 0), 0.35, true],
    ['Wednesday 03:00', Date.UTC(2025, 2, 11, 20, 0), 0.005, false],
    ['Wednesday 20:00', Date.UTC(2025, 2, 12, 13, 0), 0.02, false],
    ['Sunday 10:00', Date.UTC(2025, 2, 16, 3, 0), 0.01, false],
  ])('%s', (_name, t, activity, working) => {
    expect(activityAt(t)).toBe(activity);
    expect(isWorkingTime(t)).toBe(working);
  });

  it('moves off-hours work to the next opening at 07:30 on a working day', () => {
    expect(nextWorkingTime(Date.UTC(2025, 2, 14, 12, 0))).toBe(Date.UTC(2025, 2, 17, 0, 30)); // Fri 19:00 → Mon 07:30
  });
});

describe('generator', () => {
  const events = run(START + 45 * MIN);

  it('emits events in time order with documents, signatures, deliveries, statuses and heartbeats', () => {
    const times = events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'document.sent',
      'signature.verified',
      'document.delivered',
      'status.reported',
      'server.heartbeat',
      'server.state',
    ]) {
      expect(types).toContain(t);
    }
  });

  it('is deterministic per seed', () => {
    expect(JSON.stringify(run(START))).toBe(JSON.stringify(run(START)));
    expect(JSON.stringify(run(START, 8))).not.toBe(JSON.stringify(run(START)));
  });

  it('has open deadline documents from before the history window', () => {
    const old = events.filter((e) => e.type === 'document.sent' && e.t < START - 30 * MIN);
    const replies = new Set(
      events.filter((e) => e.type === 'document.replied').map((e) => d<{ replyDocId: string }>(e).replyDocId),
    );
    expect(old.filter((e) => d<{ replyBy?: string }>(e).replyBy !== undefined).length).toBeGreaterThan(10);
    // Anything else sent that early is a reply to one of them.
    expect(
      old.filter(
        (e) => d<{ replyBy?: string }>(e).replyBy === undefined && !replies.has(d<{ docId: string }>(e).docId),
      ),
    ).toEqual([]);
  });

  it('reports only the statuses an agency reports (the Party Central Office reports only 01)', () => {
    const party = '000.00.00.T01';
    const long = run(START + 6 * 60 * MIN);
    const codes = new Set(
      long
        .filter((e) => e.type === 'status.reported' && d<{ agency: string }>(e).agency === party)
        .map((e) => d<{ code: string }>(e).code),
    );
    expect([...codes]).toEqual(['01']);
  });
});

describe('incident script', () => {
  const incidents = planIncidents(world, 7, START, 0);
  const byKind = Object.fromEntries(incidents.map((i) => [i.kind, i]));
  const events = run(START + 30 * MIN);
  const after = (t: number) => events.filter((e) => e.t >= t);

  it('plans all six incidents around the start, deterministically', () => {
    expect(incidents.map((i) => i.kind).sort()).toEqual([
      'duplicate_sends',
      'overdue_pile',
      'server_down',
      'server_flapping',
      'signature_failure_burst',
      'status_silence',
    ]);
    expect(incidents.every((i) => i.from <= START + 3 * MIN)).toBe(true);
    expect(planIncidents(world, 7, START, 0)).toEqual(incidents);
  });

  it('drops a security server and brings it back; documents through it fail as unreachable', () => {
    const down = byKind.server_down!;
    const states = events.filter(
      (e) => e.type === 'server.state' && d<{ serverId: string }>(e).serverId === down.target,
    );
    expect(states.map((e) => [e.t, d<{ state: string }>(e).state])).toEqual(
      expect.arrayContaining([
        [down.from, 'disconnected'],
        [down.to, 'connected'],
      ]),
    );
    const beats = events.filter(
      (e) =>
        e.type === 'server.heartbeat' &&
        d<{ serverId: string }>(e).serverId === down.target &&
        e.t > down.from &&
        e.t < down.to,
    );
    expect(beats).toEqual([]);
    const failed = events.filter(
      (e) => e.type === 'document.failed' && d<{ reason: string }>(e).reason === 'security_server_unreachable',
    );
    expect(failed.length).toBeGreaterThan(0);
  });

  it('flaps a server about every minute', () => {
    const flap = byKind.server_flapping!;
    const changes = events.filter(
      (e) => e.type === 'server.state' && d<{ serverId: string }>(e).serverId === flap.target && e.t >= flap.from,
    );
    expect(changes.length).toBeGreaterThanOrEqual(20);
  });

  it('bursts signature failures at one agency', () => {
    const burst = byKind.signature_failure_burst!;
    const sigs = after(burst.from).filter(
      (e) => e.type === 'signature.verified' && d<{ agency: string }>(e).agency === burst.target && e.t < burst.to,
    );
    expect(sigs.length).toBeGreaterThanOrEqual(10);
    expect(sigs.every((e) => d<{ result: string }>(e).result === 'expired_certificate')).toBe(true);
  });

  it('silences one agency’s statuses, and repeats one document id', () => {
    const silent = byKind.status_silence!;
    expect(
      events.filter(
        (e) => e.type === 'status.reported' && d<{ agency: string }>(e).agency === silent.target && e.t >= silent.from,
      ),
    ).toEqual([]);
    const dup = byKind.duplicate_sends!;
    const sends = events.filter(
      (e) => e.type === 'document.sent' && d<{ sender: string }>(e).sender === dup.target && e.t >= dup.from,
    );
    const ids = sends.map((e) => d<{ docId: string }>(e).docId);
    const repeats = Math.max(...ids.map((id) => ids.filter((x) => x === id).length));
    expect(repeats).toBeGreaterThanOrEqual(10);
  });

  it('piles up deadline documents at one agency, never answered', () => {
    const pile = byKind.overdue_pile!;
    const toPile = events.filter(
      (e) =>
        e.type === 'document.sent' &&
        d<{ recipients: string[]; replyBy?: string }>(e).recipients.includes(pile.target) &&
        d<{ replyBy?: string }>(e).replyBy,
    );
    const overdueByStart = toPile.filter((e) => Date.parse(d<{ replyBy: string }>(e).replyBy) < START);
    expect(overdueByStart.length).toBeGreaterThanOrEqual(15);
    expect(
      events.filter((e) => e.type === 'document.replied' && d<{ agency: string }>(e).agency === pile.target),
    ).toEqual([]);
  });
});
