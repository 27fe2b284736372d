import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyFiguresOver } from '../../src/metrics/agency-range.js';
import { collectReport, type Report } from '../../src/report/collect.js';
import { coverageWarning, formatCsv, formatJson, formatMarkdown } from '../../src/report/formats.js';
import { parsePeriod } from '../../src/report/period.js';
import { openCache, type Cache } from '../../src/store/index.js';
import { fixtureMessages, G05, H01, H01_NAME, H41, H41_SO, NOW, T01 } from './helpers/fixture-stream.js';

const MIN = 60_000;
let dir: string;
let cache: Cache;
let report: Report;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hubmon-report-'));
  cache = openCache({ path: join(dir, 'cache.sqlite'), now: () => NOW });
  cache.applyBatch(fixtureMessages());
  report = collectReport(cache.db, { ...parsePeriod('2026-11-20', '2026-11-20'), now: NOW });
});

afterAll(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The local day 20/11/2026, worked out by hand from the fixture stream (see its comments):
 *   T01 sent D4; D5 to it arrives after midnight.
 *   G05 sent D2, D7 (D1 was the evening before); received D3 (accepted) and D4 (refused: not
 *     processed); D3 has a deadline and no answer; D2 valid, D7 invalid signature; reported 01 02 03;
 *     its server MCBM-005 was down from before the day until 00:15 local: 15 min, no drop in the day.
 *   H01 received D2 (01 only: not processed), answered it late; nothing sent.
 *   H41 sent D3 (unsigned), D5 (valid, 23:59:59); received D1 (delivered 00:00:30), D2 (fully
 *     processed), D6 (01 only), D7; deadlines D2 (answered on time) and D7 (answered after the
 *     day: not answered); reported 01 03 04 05 06; MCBM-041 down 30 min at 11:00 local and from
 *     23:50 past midnight: 40 min, 2 drops (shared with H01, counted once in the totals).
 */
const EXPECTED = [
  {
    agencyId: T01,
    sent: 1,
    received: 0,
    processed: 0,
    deadlineReceived: 0,
    answered: 0,
    answeredOnTime: 0,
    notAnswered: 0,
    signed: 1,
    signatureChecked: 1,
    duplicateSends: 0,
    duplicateDeliveries: 0,
    statusCodes: [],
    serverId: 'MCBM-001',
    serverDowntimeMs: 0,
    serverDrops: 0,
  },
  {
    agencyId: G05,
    sent: 2,
    received: 2,
    processed: 1,
    deadlineReceived: 1,
    answered: 0,
    answeredOnTime: 0,
    notAnswered: 1,
    signed: 1,
    signatureChecked: 2,
    duplicateSends: 0,
    duplicateDeliveries: 0,
    statusCodes: ['01', '02', '03'],
    serverId: 'MCBM-005',
    serverDowntimeMs: 15 * MIN,
    serverDrops: 0,
  },
  {
    agencyId: H01,
    sent: 0,
    received: 1,
    processed: 0,
    deadlineReceived: 1,
    answered: 1,
    answeredOnTime: 0,
    notAnswered: 0,
    signed: 0,
    signatureChecked: 0,
    duplicateSends: 0,
    duplicateDeliveries: 0,
    statusCodes: ['01'],
    serverId: 'MCBM-041',
    serverDowntimeMs: 40 * MIN,
    serverDrops: 2,
  },
  {
    agencyId: H41,
    sent: 2,
    received: 4,
    processed: 1,
    deadlineReceived: 2,
    answered: 1,
    answeredOnTime: 1,
    notAnswered: 1,
    signed: 1,
    signatureChecked: 2,
    duplicateSends: 0,
    duplicateDeliveries: 0,
    statusCodes: ['01', '03', '04', '05', '06'],
    serverId: 'MCBM-041',
    serverDowntimeMs: 40 * MIN,
    serverDrops: 2,
  },
];

describe('report over a fixture stream', () => {
  it('lists level-1 agencies in the seeds order (Party office, ministries, provinces by identifier) with hand-computed figures', () => {
    expect(report.rows.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(
      report.rows.map(({ index: _i, name: _n, level: _l, processedShare: _p, signedShare: _s, ...rest }) => rest),
    ).toEqual(EXPECTED);
    expect(report.rows.map((r) => r.processedShare)).toEqual([null, 0.5, 0, 0.25]);
    expect(report.rows.map((r) => r.signedShare)).toEqual([1, 0.5, null, 0.5]);
  });

  it('read the day from the hourly rollups (the hours were folded)', () => {
    const until = Number(cache.db.prepare("SELECT value FROM meta WHERE key = 'hours_compacted_until'").pluck().get());
    expect(until * 3_600_000).toBeGreaterThanOrEqual(report.to);
  });

  it('adds a totals row that counts each security server once', () => {
    expect(report.totals).toEqual({
      agencies: 4,
      sent: 5,
      received: 7,
      processed: 2,
      deadlineReceived: 4,
      answered: 2,
      answeredOnTime: 1,
      notAnswered: 2,
      signed: 3,
      signatureChecked: 5,
      processedShare: 2 / 7,
      signedShare: 3 / 5,
      agenciesWithFiveStatuses: 1,
      servers: 3,
      serverDowntimeMs: 55 * MIN,
      serverDrops: 2,
    });
  });

  it('lists lower levels with --level', () => {
    const level2 = collectReport(cache.db, { ...parsePeriod('2026-11-20', '2026-11-20'), now: NOW, level: 2 });
    expect(level2.rows.map((r) => [r.agencyId, r.sent, r.signed])).toEqual([[H41_SO, 1, 1]]);
  });

  it('reads minute rollups at ragged edges of an instant period', () => {
    const p = parsePeriod('2026-11-20T01:30:00Z', '2026-11-20T03:00:00Z');
    const figures = agencyFiguresOver(cache.db, p.from, p.to, NOW);
    // Only D3 (02:00) is sent inside; D4 at 03:00 is at the exclusive end.
    expect(figures.get(H41)?.sent).toBe(1);
    expect(figures.get(T01)?.sent).toBe(0);
    expect(figures.get(G05)?.received).toBe(1);
    // H41 reported 04 at 01:30 and 05 at 02:30 in this span.
    expect(figures.get(H41)?.statusCodes).toEqual(['04', '05']);
  });

  it('sorts by documents sent (seed 000) or by signed share (seed 002 table V) on request', () => {
    const period = parsePeriod('2026-11-20', '2026-11-20');
    const bySent = collectReport(cache.db, { ...period, now: NOW, sort: 'sent' });
    expect(bySent.rows.map((r) => r.agencyId)).toEqual([G05, H41, T01, H01]);
    const bySigned = collectReport(cache.db, { ...period, now: NOW, sort: 'signed' });
    expect(bySigned.rows.map((r) => r.agencyId)).toEqual([T01, G05, H41, H01]);
  });
});

describe('what the cache holds of the period', () => {
  it('says a period the cache holds whole is whole, and writes no warning', () => {
    expect(report.coverage).toBe('whole');
    expect(coverageWarning(report, 'en')).toBeNull();
    expect(formatMarkdown(report, 'en')).not.toContain('The cache holds');
  });

  it('warns in Markdown, JSON and words when the period starts before the oldest figures', () => {
    const wider = collectReport(cache.db, { ...parsePeriod('2026-11-19', '2026-11-20'), now: NOW });
    expect(wider.coverage).toBe('part');
    expect(wider.held.from).toBeGreaterThan(wider.from);
    const en = coverageWarning(wider, 'en')!;
    expect(en).toMatch(/^The cache holds figures from \d{2}\/\d{2}\/\d{4} .* to \d{2}\/\d{2}\/\d{4} /);
    expect(formatMarkdown(wider, 'en')).toContain(`**${en}**`);
    expect(coverageWarning(wider, 'vi')).toMatch(/^Bộ đệm chỉ có số liệu từ /);
    expect(JSON.parse(formatJson(wider))).toMatchObject({ coverage: 'part', held: { from: expect.any(String) } });
  });

  it('says a period before any figure holds none: its zeros are empty, not counted', () => {
    const before = collectReport(cache.db, { ...parsePeriod('2026-10-01', '2026-10-02'), now: NOW });
    expect(before.coverage).toBe('none');
    expect(before.totals.sent).toBe(0);
    expect(coverageWarning(before, 'en')).toBe(
      'The cache holds no figures for this period: every count below is empty, not zero.',
    );
  });
});

describe('report formats', () => {
  it('writes Markdown as a pipe table with Vietnamese headers, grouped numbers and a bold totals row', () => {
    const md = formatMarkdown(report, 'vi');
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Tình hình gửi, nhận văn bản điện tử qua Trục liên thông văn bản quốc gia');
    expect(lines[2]).toBe('(Từ ngày 20/11/2026 đến ngày 20/11/2026) — Cấp bộ, ngành, tỉnh, thành phố');
    // Made at 03:00 UTC: 10:00 in Vietnam, the zone the line names.
    expect(lines).toContain('Lập lúc: 21/11/2026 10:00 (Asia/Ho_Chi_Minh)');
    const table = lines.filter((l) => l.startsWith('|'));
    expect(table[0]).toBe(
      '| STT | Mã định danh | Cơ quan, đơn vị | Đã gửi | Đã nhận | Đã tiếp nhận, xử lý | Tỷ lệ xử lý (%) | Văn bản có thời hạn phải trả lời | Đã trả lời | Đúng hạn | Chưa trả lời | Văn bản có ký số | Tỷ lệ văn bản có ký số (%) | Trạng thái phản hồi | Máy chủ bảo mật | Thời gian mất kết nối | Số lần mất kết nối |',
    );
    expect(table[1]).toBe(
      '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |',
    );
    expect(table[2]).toBe(
      '| 1 | 000.00.00.T01 | Văn phòng Trung ương Đảng | 1 | 0 | 0 | – | 0 | 0 | 0 | 0 | 1 | 100,0 |  | MCBM-001 | 0:00:00 | 0 |',
    );
    expect(table[3]).toBe(
      '| 2 | 000.00.00.G05 | Bộ Tài chính | 2 | 2 | 1 | 50,0 | 1 | 0 | 0 | 1 | 1 | 50,0 | 01 02 03 | MCBM-005 | 0:15:00 | 0 |',
    );
    expect(table[4]).toBe(
      `| 3 | 000.00.00.H01 | ${H01_NAME} | 0 | 1 | 0 | 0,0 | 1 | 1 | 0 | 0 | 0 | – | 01 | MCBM-041 | 0:40:00 | 2 |`,
    );
    expect(table[5]).toBe(
      '| 4 | 000.00.00.H41 | UBND Tỉnh Nghệ An | 2 | 4 | 1 | 25,0 | 2 | 1 | 1 | 1 | 1 | 50,0 | 01 03 04 05 06 | MCBM-041 | 0:40:00 | 2 |',
    );
    expect(table[6]).toBe(
      '|  |  | **Tổng cộng** | **5** | **7** | **2** | **28,6** | **4** | **2** | **1** | **2** | **3** | **60,0** | **≥5 trạng thái: 1/4** | **3 máy chủ** | **0:55:00** | **2** |',
    );
    expect(table).toHaveLength(7);
  });

  it('writes English headers and English number style with --lang en', () => {
    const md = formatMarkdown(report, 'en');
    expect(md).toContain('| No. | Identifier | Agency | Sent | Received | Processed | Processed (%) |');
    expect(md).toContain('**Total**');
    expect(md).toContain('| **28.6** |');
    expect(md).toContain('(From 20/11/2026 to 20/11/2026) — Ministries, central bodies, provinces and cities');
    expect(md).toContain('\nGenerated: 21/11/2026 10:00 (Asia/Ho_Chi_Minh)\n');
  });

  it('writes CSV with a BOM, CRLF line ends, RFC 4180 quoting and plain numbers', () => {
    const csv = formatCsv(report, 'vi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(7); // header, 4 rows, totals, and the empty string after the last CRLF
    expect(lines[0]).toBe(
      'STT,Mã định danh,"Cơ quan, đơn vị",Đã gửi,Đã nhận,"Đã tiếp nhận, xử lý",Tỷ lệ xử lý (%),Văn bản có thời hạn phải trả lời,Đã trả lời,Đúng hạn,Chưa trả lời,Văn bản có ký số,Tỷ lệ văn bản có ký số (%),Trạng thái phản hồi,Máy chủ bảo mật,Thời gian mất kết nối (giây),Số lần mất kết nối',
    );
    expect(lines[1]).toBe('1,000.00.00.T01,Văn phòng Trung ương Đảng,1,0,0,,0,0,0,0,1,100.00,,MCBM-001,0,0');
    expect(lines[3]).toBe('3,000.00.00.H01,"UBND Tỉnh ""An Giang"", thử",0,1,0,0.00,1,1,0,0,0,,01,MCBM-041,2400,2');
    expect(lines[4]).toBe(
      '4,000.00.00.H41,UBND Tỉnh Nghệ An,2,4,1,25.00,2,1,1,1,1,50.00,01 03 04 05 06,MCBM-041,2400,2',
    );
    // Numbers only in the totals row: no sentence in the statuses or server column.
    expect(lines[5]).toBe(',,Tổng cộng,5,7,2,28.57,4,2,1,2,3,60.00,,,3300,2');
    for (const line of lines.slice(1, 6)) {
      const cells = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      for (const i of [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16]) expect(cells[i]).toMatch(/^(\d+(\.\d+)?)?$/);
    }
    expect(lines[6]).toBe('');
  });

  it('makes hub text that looks like a formula inert in CSV', () => {
    const tampered: Report = {
      ...report,
      rows: report.rows.map((r, i) => (i === 0 ? { ...r, name: '=HYPERLINK("http://x","y")' } : r)),
    };
    const line = formatCsv(tampered, 'en').split('\r\n')[1];
    expect(line).toBe('1,000.00.00.T01,"\'=HYPERLINK(""http://x"",""y"")",1,0,0,,0,0,0,0,1,100.00,,MCBM-001,0,0');
  });

  it('writes JSON with raw counts, fractions and the period spelled out', () => {
    const doc = JSON.parse(formatJson(report));
    expect(doc.period).toEqual({
      from: '2026-11-19T17:00:00.000Z',
      to: '2026-11-20T17:00:00.000Z',
      fromMs: Date.UTC(2026, 10, 19, 17),
      toMs: Date.UTC(2026, 10, 20, 17),
      toExclusive: true,
      timeZone: 'Asia/Ho_Chi_Minh',
      firstDay: '20/11/2026',
      lastDay: '20/11/2026',
    });
    expect(doc.level).toBe(1);
    expect(doc.hubName).toBe('Trục thử nghiệm');
    expect(doc.rows).toHaveLength(4);
    expect(doc.rows[3]).toEqual({
      index: 4,
      agencyId: H41,
      name: 'UBND Tỉnh Nghệ An',
      level: 1,
      ...EXPECTED[3],
      processedShare: 0.25,
      signedShare: 0.5,
    });
    expect(doc.rows[2].name).toBe(H01_NAME);
    expect(doc.totals.sent).toBe(5);
    expect(doc.totals.serverDowntimeMs).toBe(55 * MIN);
  });
});
