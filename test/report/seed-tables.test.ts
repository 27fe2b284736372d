/**
 * The seeds' own per-agency tables, replayed as telemetry and read back with
 * `hubmon report --source`: seed 002 table V (documents sent to the Government Office, signed,
 * signed share) and seed 004 table III (documents received and sent, 2021 and 2022). Each
 * document is sent and delivered twice and, for the units that sign with both an organisation
 * and a personal signature (seed 002 table VI), verified twice: the tables must come back as
 * the seeds print them, with the repeats counted as duplicates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/cli/command.js';
import { createReportCommand } from '../../src/cli/commands/report.js';
import { openRecordingCache } from '../../src/record/recording-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'hubmon-seeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VPCP = '000.00.00.G22';
/** Where table III's received documents come from: a level-2 unit, not listed at level 1. */
const SOURCE = '000.00.01.G22';

interface Unit {
  readonly id: string;
  readonly name: string;
}

type Line = { seq: number; ts: string; type: string; data: Record<string, unknown> };

/** Builds a recording: hello, the registry, then durable events with rising seqs. */
class Stream {
  private readonly lines: Line[] = [];
  private seq = 0;
  private n = 0;
  constructor(private readonly units: readonly (Unit & { level: number })[]) {}

  event(at: number, type: string, data: Record<string, unknown>): void {
    this.lines.push({ seq: ++this.seq, ts: new Date(at).toISOString(), type, data });
  }

  /** A document from `sender` to `recipient`, sent and delivered twice; signatures as given. */
  document(at: number, sender: string, recipient: string, signatures: { result: string; kind?: string }[]): void {
    const docId = `${sender},${new Date(at).toISOString().slice(0, 10).replaceAll('-', '/')},${++this.n}/VB`;
    const sent = { docId, sender, recipients: [recipient], attachments: 1, sizeBytes: 2048 };
    this.event(at, 'document.sent', sent);
    for (const s of signatures) this.event(at + 1000, 'signature.verified', { docId, agency: sender, ...s });
    this.event(at + 2000, 'document.sent', sent);
    this.event(at + 3000, 'document.delivered', { docId, recipient });
    this.event(at + 4000, 'document.delivered', { docId, recipient });
  }

  write(path: string): void {
    const start = this.lines[0]?.ts ?? '2019-01-01T00:00:00Z';
    const hello = {
      v: 1,
      seq: this.seq,
      ts: start,
      type: 'hello',
      data: {
        hubId: 'truc-lien-thong',
        hubName: 'Trục liên thông văn bản quốc gia',
        hubVersion: '1.0.0',
        epoch: 'seeds',
        serverTime: start,
        newestSeq: this.seq,
        oldestSeq: 1,
        heartbeatMs: 5000,
      },
    };
    const registry = {
      v: 1,
      seq: this.seq,
      ts: start,
      type: 'registry.snapshot',
      data: {
        part: 1,
        parts: 1,
        agencies: this.units.map((u) => ({
          id: u.id,
          name: u.name,
          level: u.level,
          parent: u.level === 1 ? null : VPCP,
          connection: 'direct',
          securityServer: 'MCBM-001',
        })),
        securityServers: [{ id: 'MCBM-001', name: 'Máy chủ bảo mật 1', certificateExpiresAt: '2030-01-01T00:00:00Z' }],
      },
    };
    const text = [hello, registry, ...this.lines.map((l) => ({ v: 1, ...l }))].map((m) => JSON.stringify(m));
    writeFileSync(path, `${text.join('\n')}\n`);
  }
}

async function report(args: string[]): Promise<{ code: number; json: ReportJson }> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const io: CommandIo = { stdout, stderr: new PassThrough(), env: { HOME: dir, LANG: 'en_GB.UTF-8' } };
  const code = await createReportCommand(() => Date.UTC(2026, 0, 1)).run([...args, '--format', 'json'], io);
  return { code, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReportJson };
}

interface ReportJson {
  rows: {
    agencyId: string;
    sent: number;
    received: number;
    signed: number;
    signedShare: number | null;
    duplicateSends: number;
    duplicateDeliveries: number;
  }[];
}
const rowOf = (json: ReportJson, id: string) => json.rows.find((r) => r.agencyId === id)!;

/**
 * Seed 002, table V (12/3/2019 – 30/9/2019): electronic documents sent to the Government
 * Office, those with a digital signature, and the share. Bắc Giang and the Ethnic Minorities
 * Committee sign with the organisation's and a leader's personal signature (table VI).
 */
const TABLE_V = [
  { id: '000.00.00.H06', name: 'UBND Bắc Giang', sent: 71, signed: 71, share: '100.0', both: true },
  { id: '000.00.00.G17', name: 'Thông tấn xã Việt Nam', sent: 34, signed: 34, share: '100.0', both: false },
  { id: '000.00.00.H45', name: 'UBND Ninh Thuận', sent: 191, signed: 190, share: '99.5', both: false },
  { id: '000.00.00.G15', name: 'Ủy ban Dân tộc', sent: 150, signed: 149, share: '99.3', both: true },
] as const;

describe('seed 002 table V through report --source', () => {
  const path = join(dir, 'table-v.ndjson');
  const units = [
    { id: VPCP, name: 'Văn phòng Chính phủ', level: 1 },
    ...TABLE_V.map((u) => ({ id: u.id, name: u.name, level: 1 })),
  ];
  const stream = new Stream(units);
  let at = Date.UTC(2019, 2, 12, 2);
  for (const u of TABLE_V) {
    for (let i = 0; i < u.sent; i++) {
      // The unsigned ones carry no signature at all; a signed one's second check is the
      // leader's personal signature, valid too.
      const signatures =
        i < u.signed
          ? [{ result: 'valid', kind: 'organisation' }, ...(u.both ? [{ result: 'valid', kind: 'personal' }] : [])]
          : [{ result: 'missing' }, { result: 'missing' }];
      stream.document(at, u.id, VPCP, signatures);
      at += 7 * 60_000;
    }
  }
  stream.write(path);

  it('comes back as the seed prints it: sent, signed and signed share per unit', async () => {
    const { code, json } = await report(['--source', path, '--from', '2019-03-12', '--to', '2019-09-30']);
    expect(code).toBe(0);
    const got = TABLE_V.map((u) => {
      const r = rowOf(json, u.id);
      return [u.name, r.sent, r.signed, ((r.signedShare ?? 0) * 100).toFixed(1)];
    });
    expect(got).toEqual(TABLE_V.map((u) => [u.name, u.sent, u.signed, u.share]));
    // Each document reached the Government Office once, however many deliveries said so; the
    // repeats are counted as such, in their own columns.
    expect(rowOf(json, VPCP).received).toBe(71 + 34 + 191 + 150);
    expect(rowOf(json, VPCP).duplicateDeliveries).toBe(71 + 34 + 191 + 150);
    expect(TABLE_V.map((u) => rowOf(json, u.id).duplicateSends)).toEqual(TABLE_V.map((u) => u.sent));
  });

  it('counts the repeats as duplicates, the signatures per document, and failures once per reason', async () => {
    const source = await openRecordingCache(path);
    try {
      const sum = (col: string) =>
        source.cache.db.prepare(`SELECT sum(${col}) FROM rollup_minute`).pluck().get() as number;
      const documents = 71 + 34 + 191 + 150;
      expect(sum('sent')).toBe(documents);
      expect(sum('dup_sent')).toBe(documents);
      expect(sum('received')).toBe(documents);
      expect(sum('dup_received')).toBe(documents);
      expect(sum('sig_checked')).toBe(documents);
      expect(sum('sig_valid')).toBe(71 + 34 + 190 + 149);
      // Two unsigned documents, each checked twice for the same reason: two documents failed.
      expect([sum('sig_failed'), sum('sig_missing')]).toEqual([2, 2]);
    } finally {
      source.dispose();
    }
  });
});

/** Seed 004, table III (bodies): documents received and sent, 2022 (to 28/7) and 2021. */
const TABLE_III = [
  { id: '000.00.00.G32', name: 'Văn phòng Quốc hội', y2022: [375, 20], y2021: [0, 0] },
  { id: '000.00.00.G33', name: 'Văn phòng Chủ tịch nước', y2022: [155, 5], y2021: [174, 3] },
  { id: '000.00.00.G35', name: 'Liên minh hợp tác xã Việt Nam', y2022: [54, 229], y2021: [0, 0] },
] as const;

describe('seed 004 table III through report --source', () => {
  const path = join(dir, 'table-iii.ndjson');
  const units = [
    { id: VPCP, name: 'Văn phòng Chính phủ', level: 1 },
    { id: SOURCE, name: 'Vụ Tổng hợp, Văn phòng Chính phủ', level: 2 },
    ...TABLE_III.map((u) => ({ id: u.id, name: u.name, level: 1 })),
  ];
  const stream = new Stream(units);
  const signed = [{ result: 'valid', kind: 'organisation' }];
  for (const [year, key] of [
    [2021, 'y2021'],
    [2022, 'y2022'],
  ] as const) {
    let at = Date.UTC(year, 0, 5, 2);
    for (const u of TABLE_III) {
      const [received, sent] = u[key];
      for (let i = 0; i < received; i++, at += 9 * 60_000) stream.document(at, SOURCE, u.id, signed);
      for (let i = 0; i < sent; i++, at += 9 * 60_000) stream.document(at, u.id, VPCP, signed);
    }
  }
  stream.write(path);

  it.each([
    ['2022', '01/01/2022', '28/07/2022', 'y2022'],
    ['2021', '01/01/2021', '31/12/2021', 'y2021'],
  ] as const)('%s comes back as the seed prints it: received and sent per body', async (_, from, to, key) => {
    const { code, json } = await report(['--source', path, '--from', from, '--to', to]);
    expect(code).toBe(0);
    const got = TABLE_III.map((u) => {
      const r = rowOf(json, u.id);
      return [u.name, r.received, r.sent];
    });
    expect(got).toEqual(TABLE_III.map((u) => [u.name, ...u[key]]));
  });
});
