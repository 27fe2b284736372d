/**
 * The morning report's standing problems: judged over a real cache file by the alert engine,
 * one line per standing rule with the agencies it spans and its worst member, in Markdown, CSV
 * and JSON, in both languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/index.js';
import { collectReport, standingProblems, type Report } from '../../src/report/collect.js';
import { formatCsv, formatJson, formatMarkdown } from '../../src/report/formats.js';
import { parsePeriod } from '../../src/report/period.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { fixtureMessages } from './helpers/fixture-stream.js';

/** 26/11/2026 10:00 in Hà Nội: D3's deadline (25/11) has passed unanswered at G05. */
const LATER = Date.parse('2026-11-26T03:00:00Z');
let dir: string;
let cache: Cache;
const reports: Partial<Record<'vi' | 'en', Report>> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-report-standing-'));
  cache = openCache({ path: join(dir, 'cache.sqlite'), now: () => LATER });
  cache.applyBatch(fixtureMessages());
  const base = collectReport(cache.db, { ...parsePeriod('2026-11-20', '2026-11-20'), now: LATER });
  for (const lang of ['vi', 'en'] as const)
    reports[lang] = { ...base, standing: standingProblems(createMetrics(cache), lang, LATER) };
});
afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('standing problems in the report', () => {
  it('lists overdue replies as one standing line with its agencies and worst', () => {
    const standing = reports.en!.standing!;
    expect(standing.map((p) => p.rule)).toEqual(['overdue-replies']);
    expect(standing[0]).toMatchObject({ title: 'Overdue replies', agencies: 1, members: 1, severity: 'warning' });
    expect(standing[0]!.worst).toMatch(/1 reply overdue/);
    expect(reports.vi!.standing![0]!.title).toBe('Quá hạn trả lời');
  });

  it('writes a section in Markdown, in both languages', () => {
    const en = formatMarkdown(reports.en!, 'en');
    expect(en).toContain('## Standing problems');
    expect(en).toMatch(/\| Overdue replies \| 1 \| .*1 reply overdue/);
    const vi = formatMarkdown(reports.vi!, 'vi');
    expect(vi).toContain('## Vấn đề tồn đọng');
    expect(vi).toMatch(/\| Quá hạn trả lời \| 1 \| /);
  });

  it('writes a second table in CSV and a list in JSON', () => {
    const csv = formatCsv(reports.vi!, 'vi').split('\r\n');
    const at = csv.indexOf('Vấn đề tồn đọng,Số cơ quan,Nặng nhất');
    expect(at).toBeGreaterThan(0);
    expect(csv[at - 1]).toBe('');
    expect(csv[at + 1]).toMatch(/^Quá hạn trả lời,1,/);
    const doc = JSON.parse(formatJson(reports.en!));
    expect(doc.standing).toEqual([expect.objectContaining({ rule: 'overdue-replies', agencies: 1, members: 1 })]);
  });

  it('says so when there is none', () => {
    const none = formatMarkdown({ ...reports.en!, standing: [] }, 'en');
    expect(none).toContain('No standing problem.');
  });
});
