import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAlertEngine, defaultAlertConfig, type AlertConfig } from '../../src/alerts/index.js';
import { migrateAlertTables } from '../../src/alerts/persist.js';
import { NO_STREAM } from '../../src/metrics/index.js';
import { agency, deadlines, delivery, emptyData, fakeMetrics, server, type FakeData } from './fake-metrics.js';

const MIN = 60_000;
/** Wednesday 18 November 2026, 10:00 in Hà Nội. */
const T0 = Date.UTC(2026, 10, 18, 3, 0);
const A = '000.00.00.H41';
const B = '000.00.00.H14';
const SERVER_KEY = 'server-disconnected server=MCBM-001';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubmon-alerts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});
let files = 0;
const cacheFile = (): string => path.join(dir, `cache-${++files}.sqlite`);
const openDb = (file: string, readonly = false): Database.Database => {
  const db = new Database(file, { readonly });
  open.push(db);
  return db;
};

/** One server down since T0 with agency A behind it; B is behind a healthy server. */
const outage = (): FakeData => ({
  ...emptyData(),
  agencies: [agency(A, 'MCBM-001'), agency(B, 'MCBM-002')],
  servers: [
    server('MCBM-001', { state: 'disconnected', since: T0, agencyIds: [A] }),
    server('MCBM-002', { state: 'connected', agencyIds: [B] }),
  ],
  // B's failures are its own (its document system does not answer), not its server's.
  delivery: [delivery(A, 8, 0), delivery(B, 4, 0, 'recipient_unreachable')],
});

describe('alert engine', () => {
  it('walks a server outage through pending and firing', () => {
    const data = outage();
    const engine = createAlertEngine({ metrics: fakeMetrics(data), user: 'truc-dem' });
    expect(engine.evaluate(T0 + MIN).alerts.find((a) => a.key === SERVER_KEY)?.phase).toBe('pending');
    const firing = engine.evaluate(T0 + 2 * MIN);
    expect(firing.alerts.find((a) => a.key === SERVER_KEY)).toMatchObject({
      phase: 'firing',
      firingSince: T0 + 2 * MIN,
    });
    expect(engine.current()).toBe(firing);
  });

  it('folds the agencies behind a down server under it, once the server alert fires', () => {
    const engine = createAlertEngine({ metrics: fakeMetrics(outage()) });
    const pending = engine.evaluate(T0 + MIN);
    // While the server is only pending, its symptoms stand on their own.
    expect(pending.alerts.map((a) => a.key).sort()).toEqual([
      'delivery-failures server=MCBM-001 agency=000.00.00.H41',
      'delivery-failures server=MCBM-002 agency=000.00.00.H14',
      SERVER_KEY,
    ]);
    const s = engine.evaluate(T0 + 2 * MIN);
    expect(s.alerts.map((a) => [a.key, a.folded.map((f) => f.key)])).toEqual([
      [SERVER_KEY, ['delivery-failures server=MCBM-001 agency=000.00.00.H41']],
      ['delivery-failures server=MCBM-002 agency=000.00.00.H14', []],
    ]);
    expect(s.alerts.map((a) => [a.phase, a.severity, a.ack])).toEqual([
      ['firing', 'critical', null],
      ['firing', 'warning', null],
    ]);
  });

  it('shows every symptom on its own when inhibition is off', () => {
    const config: AlertConfig = { ...defaultAlertConfig(), inhibition: { enabled: false } };
    const s = createAlertEngine({ metrics: fakeMetrics(outage()), config }).evaluate(T0 + 2 * MIN);
    expect(s.alerts).toHaveLength(3);
    expect(s.alerts.every((a) => a.folded.length === 0)).toBe(true);
  });

  it('keeps an acknowledgement across a restart of the console (real cache file)', () => {
    const file = cacheFile();
    const data = outage();
    let db = openDb(file);
    let engine = createAlertEngine({ metrics: fakeMetrics(data), db, user: 'truc-dem' });
    engine.evaluate(T0 + 3 * MIN);
    expect(engine.acknowledge(SERVER_KEY, undefined, T0 + 4 * MIN)).toBe(true);
    expect(engine.current().alerts.find((a) => a.key === SERVER_KEY)?.ack).toEqual({
      by: 'truc-dem',
      at: T0 + 4 * MIN,
    });
    db.close();

    db = openDb(file);
    engine = createAlertEngine({ metrics: fakeMetrics(data), db, user: 'someone-else' });
    const alert = engine.evaluate(T0 + 5 * MIN).alerts.find((a) => a.key === SERVER_KEY);
    expect(alert).toMatchObject({
      phase: 'firing',
      ack: { by: 'truc-dem', at: T0 + 4 * MIN },
      firingSince: T0 + 2 * MIN,
    });
    expect(db.prepare('SELECT key, rule, severity, by, at FROM alert_ack_log').all()).toEqual([
      { key: SERVER_KEY, rule: 'server-disconnected', severity: 'critical', by: 'truc-dem', at: T0 + 4 * MIN },
    ]);
  });

  it('restores a pending clock after a restart, so `for` is not started over', () => {
    const file = cacheFile();
    // An overdue-replies rule with a 10-minute `for`: its condition carries no start time of its own.
    const base = defaultAlertConfig();
    const config: AlertConfig = {
      ...base,
      rules: { ...base.rules, overdueReplies: { ...base.rules.overdueReplies, for: 10 * MIN } },
    };
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    let db = openDb(file);
    expect(createAlertEngine({ metrics: fakeMetrics(data), db, config }).evaluate(T0).alerts[0]?.phase).toBe('pending');
    db.close();
    db = openDb(file);
    const after = createAlertEngine({ metrics: fakeMetrics(data), db, config }).evaluate(T0 + 10 * MIN);
    expect(after.alerts[0]).toMatchObject({ phase: 'firing', activeSince: T0 });
  });

  it('starts afresh when the saved state is older than the restore tolerance', () => {
    const file = cacheFile();
    const data = outage();
    let db = openDb(file);
    let engine = createAlertEngine({ metrics: fakeMetrics(data), db });
    engine.evaluate(T0 + 3 * MIN);
    engine.acknowledge(SERVER_KEY, 'truc-dem', T0 + 3 * MIN);
    db.close();
    db = openDb(file);
    engine = createAlertEngine({ metrics: fakeMetrics(data), db, now: () => T0 + 3 * MIN + 61 * MIN });
    // The server is still down: firing again straight away from its own `since`, but nobody has seen this run.
    expect(engine.evaluate().alerts.find((a) => a.key === SERVER_KEY)).toMatchObject({ phase: 'firing', ack: null });
  });

  it('drops an acknowledgement when the incident rises to critical', () => {
    const file = cacheFile();
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    const engine = createAlertEngine({ metrics: fakeMetrics(data), db: openDb(file) });
    engine.evaluate(T0);
    const key = 'overdue-replies agency=000.00.00.H41';
    engine.acknowledge(key, 'truc-dem', T0);
    data.deadlines = [deadlines(A, 12, MIN)];
    expect(engine.evaluate(T0 + MIN).alerts[0]).toMatchObject({ key, severity: 'critical', ack: null });
  });

  it('refuses to acknowledge what is not there or already resolved', () => {
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    const engine = createAlertEngine({ metrics: fakeMetrics(data) });
    engine.evaluate(T0);
    data.deadlines = [];
    engine.evaluate(T0 + MIN);
    expect(engine.acknowledge('overdue-replies agency=000.00.00.H41', 'x', T0 + MIN)).toBe(false);
    expect(engine.acknowledge('no such alert', 'x', T0 + MIN)).toBe(false);
  });

  it('keeps the first acknowledgement of an incident', () => {
    const engine = createAlertEngine({ metrics: fakeMetrics({ ...emptyData(), deadlines: [deadlines(A, 2, MIN)] }) });
    engine.evaluate(T0);
    expect(engine.acknowledge('overdue-replies agency=000.00.00.H41', 'truc-dem', T0)).toBe(true);
    expect(engine.acknowledge('overdue-replies agency=000.00.00.H41', 'ca-sang', T0 + MIN)).toBe(false);
    expect(engine.current().alerts[0]?.ack).toEqual({ by: 'truc-dem', at: T0 });
  });

  it('keeps resolved alerts on the list for a while, then forgets them (and their cache row)', () => {
    const file = cacheFile();
    const db = openDb(file);
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    const engine = createAlertEngine({ metrics: fakeMetrics(data), db });
    engine.evaluate(T0);
    data.deadlines = [];
    expect(engine.evaluate(T0 + MIN).alerts[0]).toMatchObject({ phase: 'resolved', resolvedAt: T0 + MIN });
    expect(engine.evaluate(T0 + 15 * MIN).alerts.map((a) => a.phase)).toEqual(['resolved']);
    expect(engine.evaluate(T0 + 16 * MIN).alerts).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM alert_state').pluck().get()).toBe(0);
  });

  it('keeps the alerts of a rule whose numbers could not be read, and reports the error', () => {
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    const metrics = fakeMetrics(data);
    const engine = createAlertEngine({ metrics });
    engine.evaluate(T0);
    metrics.deadlines = () => {
      throw new Error('database is locked');
    };
    const s = engine.evaluate(T0 + MIN);
    expect(s.alerts.map((a) => [a.key, a.phase])).toEqual([['overdue-replies agency=000.00.00.H41', 'firing']]);
    expect(s.errors).toEqual([{ rule: 'overdue-replies', message: 'database is locked' }]);
  });

  it('holds the deadline and delivery alerts while those tables lag a catch-up, then goes on', () => {
    const data = { ...emptyData(), deadlines: [deadlines(A, 2, MIN)] };
    const metrics = fakeMetrics(data);
    let behind = 0;
    const withStream = { ...metrics, stream: () => ({ ...NO_STREAM, derivedBehind: behind }) };
    const engine = createAlertEngine({ metrics: withStream });
    expect(engine.evaluate(T0).alerts[0]?.phase).toBe('firing');
    // The replies that closed them are in events not derived yet: the alert must not resolve.
    data.deadlines = [];
    behind = 80_000;
    const held = engine.evaluate(T0 + MIN);
    expect(held.alerts.map((a) => [a.key, a.phase])).toEqual([['overdue-replies agency=000.00.00.H41', 'firing']]);
    expect(held.errors).toEqual([]);
    behind = 0;
    expect(engine.evaluate(T0 + 2 * MIN).alerts[0]).toMatchObject({ phase: 'resolved', resolvedAt: T0 + 2 * MIN });
  });

  it('one-shot and read-only: reports the console’s saved incidents and writes nothing', () => {
    const file = cacheFile();
    const data = outage();
    const consoleDb = openDb(file);
    const live = createAlertEngine({ metrics: fakeMetrics(data), db: consoleDb });
    live.evaluate(T0 + 3 * MIN);
    live.acknowledge(SERVER_KEY, 'truc-dem', T0 + 3 * MIN);
    const before = consoleDb.prepare("SELECT value FROM alert_meta WHERE key = 'saved_at'").pluck().get();

    const status = createAlertEngine({ metrics: fakeMetrics(data), db: openDb(file, true) });
    const s = status.evaluate(T0 + 4 * MIN);
    expect(s.alerts.find((a) => a.key === SERVER_KEY)?.ack).toEqual({ by: 'truc-dem', at: T0 + 3 * MIN });
    expect(consoleDb.prepare("SELECT value FROM alert_meta WHERE key = 'saved_at'").pluck().get()).toBe(before);
  });

  it('one-shot without saved state: judges `for` from the data’s own start time', () => {
    const file = cacheFile();
    openDb(file).exec('CREATE TABLE t (x)');
    const status = createAlertEngine({ metrics: fakeMetrics(outage()), db: openDb(file, true), readOnly: true });
    expect(status.evaluate(T0 + MIN).alerts.find((a) => a.key === SERVER_KEY)?.phase).toBe('pending');
    expect(status.evaluate(T0 + 2 * MIN).alerts.find((a) => a.key === SERVER_KEY)?.phase).toBe('firing');
  });

  it('applies its schema steps once, recorded as the store records its own', () => {
    const db = openDb(cacheFile());
    migrateAlertTables(db, T0);
    migrateAlertTables(db, T0 + MIN);
    expect(db.prepare('SELECT id, applied_at FROM schema_steps').all()).toEqual([{ id: 'alerts/1', applied_at: T0 }]);
  });
});
