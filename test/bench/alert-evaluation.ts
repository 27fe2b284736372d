/**
 * How long one alert evaluation takes at national scale: 12,000 agencies behind 87 security
 * servers, three servers down, a few thousand alerts active, state saved in a real cache file.
 * The metrics are precomputed rows, so this measures the engine itself (rules, state machine,
 * folding, persistence), not the store's queries, which have their own figures.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAlertEngine, type AlertMetrics } from '../../src/alerts/index.js';
import type { DeadlineRow, DeliveryRow, ServerRow, SignatureRow, ThroughputRow } from '../../src/metrics/types.js';
import type { Agency } from '../../src/protocol/index.js';

export interface AlertEvaluationFigures {
  readonly agencies: number;
  readonly alerts: number;
  readonly folded: number;
  readonly firstMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

function nationalRows(agencyCount: number, now: number): AlertMetrics {
  const agencies: Agency[] = [];
  const servers: ServerRow[] = [];
  const throughput: ThroughputRow[] = [];
  const deadlines: DeadlineRow[] = [];
  const delivery: DeliveryRow[] = [];
  const signatures: SignatureRow[] = [];
  for (let s = 0; s < 87; s++) {
    servers.push({
      serverId: `MCBM-${String(s).padStart(3, '0')}`,
      name: `MCBM ${s}`,
      state: s < 3 ? 'disconnected' : 'connected',
      since: now - 10 * 60_000,
      lastHeartbeat: null,
      latencyMs: null,
      downtimeMs: 0,
      drops: 0,
      certificateExpiresAt: now + (s % 40) * 86_400_000,
      agencyIds: [],
    });
  }
  for (let i = 0; i < agencyCount; i++) {
    const id = `${String(i % 1000).padStart(3, '0')}.${String(Math.floor(i / 1000)).padStart(2, '0')}.00.H${String(i % 63).padStart(2, '0')}`;
    agencies.push({
      id,
      name: id,
      level: 2,
      parent: null,
      connection: 'lgsp',
      securityServer: `MCBM-${String(i % 87).padStart(3, '0')}`,
    });
    throughput.push({
      agencyId: id,
      sent: i % 10 === 0 ? 0 : 3,
      received: 0,
      sentPerMin: 0,
      receivedPerMin: 0,
      sentWeekAgo: 5,
      receivedWeekAgo: 0,
      spark: [],
    });
    if (i % 12 === 0) {
      deadlines.push({
        agencyId: id,
        open: 3,
        dueWithin24h: 0,
        overdue: 1 + (i % 15),
        oldestOverdueMs: 3_600_000,
        answeredOnTime: 0,
        answeredLate: 0,
      });
    }
    if (i % 40 === 0) {
      delivery.push({
        agencyId: id,
        failed: 4,
        failedByReason: {
          security_server_unreachable: 4,
          recipient_unreachable: 0,
          package_rejected: 0,
          timeout: 0,
          attachment_mismatch: 0,
        },
        undelivered: 0,
        duplicateSends: 0,
        duplicateDeliveries: 0,
      });
    }
    const failed = i % 20 === 0 ? 3 : 0;
    signatures.push({
      agencyId: id,
      verified: 30,
      failed,
      failureRate: failed / 30,
      byReason: {
        missing: 0,
        invalid: failed,
        expired_certificate: 0,
        revoked_certificate: 0,
        untrusted_issuer: 0,
        incomplete_info: 0,
      },
    });
  }
  return {
    agencies: () => agencies,
    servers: () => servers,
    signaturesOver: () => signatures,
    // The deadline stays put while the clock runs, as the store's rows do.
    deadlines: (at) => deadlines.map((d) => ({ ...d, oldestOverdueMs: (d.oldestOverdueMs ?? 0) + (at - now) })),
    throughput: () => throughput,
    throughputOver: () => throughput,
    delivery: () => delivery,
    statusReportsOver: () => [],
  };
}

/** Evaluates every 5 s (simulated) `rounds` times after a first evaluation. */
export function benchAlertEvaluation(agencyCount = 12_000, rounds = 30): AlertEvaluationFigures {
  const now = Date.UTC(2026, 10, 18, 3, 0); // a Wednesday, 10:00 in Hà Nội
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubmon-bench-alerts-'));
  const db = new Database(path.join(dir, 'cache.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const engine = createAlertEngine({ metrics: nationalRows(agencyCount, now), db, user: 'bench' });
    let t = performance.now();
    const first = engine.evaluate(now);
    const firstMs = performance.now() - t;
    const times: number[] = [];
    for (let k = 1; k <= rounds; k++) {
      t = performance.now();
      engine.evaluate(now + k * 5_000);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return {
      agencies: agencyCount,
      alerts: first.alerts.length,
      folded: first.alerts.reduce((n, a) => n + a.folded.length, 0),
      firstMs,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      maxMs: times[times.length - 1] ?? 0,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
