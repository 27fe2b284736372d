/* eslint-disable no-control-regex -- matching control characters is the point here. */
/** Every screen at 80×24 with known figures, compared as exact text. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { fixtureData, fixtureMetrics } from './fixture.js';
import { KEY, renderConsoleAt } from './render-at.js';

afterEach(() => cleanup());

describe('screens at 80×24 (en)', () => {
  it('Overview', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(app.frame()).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 Overview 2 3 4 5 6                               window 1h · ⚠ 1 crit · 1 warn
      Traffic: sent 17/min · received 42/min · 5 of 5 agencies active
      Servers: 1 down, 1 weak/3 · sig fail 3.4% · overdue 14 · due<24h 3
      Worst agencies                                                                 6
       Concern▲   Name                       Identifier    Value
      ›Server     Xã Kim Liên                000.01.01.H41 MCBM-099 DOWN 12 min
       Server     Nghệ An                    000.00.00.H41 MCBM-041 weak 20 min
       Drop       Xã Kim Liên                000.01.01.H41 −90.0% vs last week
       Signature  Nghệ An                    000.00.00.H41 15.0% of 200
       Overdue    Nghệ An                    000.00.00.H41 12 (oldest 3d)
       Overdue    Xã Nam Giang               000.02.01.H41 2 (oldest 2h)
      Firing alerts (2)
       CRIT  Security server down 12 min — MCBM-099                             12 min
       WARN  12 overdue replies — UBND Tỉnh Nghệ An                                 1h






      no rejected messages
      ↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  ? help  q quit"
    `);
  });

  it('Agencies (level 1, rolled up)', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('2')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 Agencies 3 4 5 6                               window 1h · ⚠ 1 crit · 1 warn
      Agencies · level 1 · ministries, provinces · all agencies · incl. units        2
       Name▲            Identifier     Sent/m  Recv/m  SigFail  Overdue Server  Incid
      ›Nghệ An          000.00.00.H41     5.2      12    14.8%       14 weak    –
       Văn phòng Chính… 000.00.00.G22      12      30     0.0%        0 up      –















      no rejected messages
      l level  f problem  ↓/j move  Enter open  / filter  s sort  ? help  q quit"
    `);
  });

  it('Security servers', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('3')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 3 Servers 4 5 6                                window 1h · ⚠ 1 crit · 1 warn
      Security servers                                                               3
       Name              Identifier   State▼      Since  Latency    Down  Cert expires
      ›MCBM Xã Kim Liên  MCBM-099     DOWN       12 min        –  12 min          400d
       MCBM Nghệ An      MCBM-041     weak       20 min   950 ms   4 min           10d
       MCBM VPCP         MCBM-001     up             3d    41 ms     0 s          200d














      no rejected messages
      ↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  ? help  q quit"
    `);
  });

  it('Signatures', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('4')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 3 4 Signatures 5 6                             window 1h · ⚠ 1 crit · 1 warn
      Signatures                                                                     3
       Name                     Identifier     Checked  Failed Fail %▼ Main reason
      ›Nghệ An                  000.00.00.H41      200      30   15.0% missing
       Xã Nam Giang             000.02.01.H41       10       1   10.0% missing
       Văn phòng Chính phủ      000.00.00.G22      700       0    0.0% –














      no rejected messages
      ↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  ? help  q quit"
    `);
  });

  it('Deadlines', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('5')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 3 4 5 Deadlines 6                              window 1h · ⚠ 1 crit · 1 warn
      Deadlines                                                                      2
       Name             Identifier      Open  Due 24h Overdue▼  Oldest  On time   Late
      ›Nghệ An          000.00.00.H41     20        3       12      3d       40      5
       Xã Nam Giang     000.02.01.H41      2        0        2      2h        1      0















      no rejected messages
      ↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  ? help  q quit"
    `);
  });

  it('Alerts', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('6')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 3 4 5 6 Alerts                                 window 1h · ⚠ 1 crit · 1 warn
      Alerts                                                                         4
       *  Sev  State▼  Alert                                         Acked by    Since
      ›   CRIT firing  +2 folded · Security server down 12 min       –          12 min
          WARN firing  12 overdue replies                            –              1h
          WARN pending Signature failures 15%                        –           2 min
          WARN acked   Throughput −60%                               trucdem    1h 30m
       Security server down 12 min — MCBM-099












      no rejected messages
      a ack  ↓/j move  Enter open  / filter  s sort  1–6 screens  ? help  q quit"
    `);
  });

  it('Agency detail of a province, its units under it', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('2', KEY.enter)).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 2 Agencies 3 4 5 6                               window 1h · ⚠ 1 crit · 1 warn
      UBND Tỉnh Nghệ An
      000.00.00.H41 · level 1 · LGSP · server MCBM-041 weak 20 min · cert expires in …
      Sent 4.0/min · recv 9.0/min · sig fail 14.8% · overdue 12 (14 with its units)
      Last hour  ▁▁▁▁▁▁▂▁▁▁▁▃▁▁▁▁▃▁▁▁▁▄▁▁▁▁▄▁▁▁▁▅▁▁▁▁▆▁▁▁▁▆▁▁▁▁▇▁▁▁▁▇▁▁▁▁█▁▁▁▁█▁▁▁▁ 36
      Last day   ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▂▁▁▁▃▁▁▁▃▁▁▁▄▁▁▁▄▁▁▁▅▁▁▁▆▁▁▁▆▁▁▁▇▁▁▁▇▁▁▁█▁▁▁█▁▁▁ 36
      Statuses   01 500 › 02 1 › 03 480 › 04 300 › 05 200 › 06 150
      Sig. fails missing 20 · invalid 10
      [Units under it]  Overdue documents   Recent events   Server history  ←/→ secti…
       Name▲            Identifier     Sent/m  Recv/m  SigFail  Overdue Server  Incid
      ›Huyện Nam Đàn    000.00.01.H41     1.2     2.8    10.0%        2 weak    –









      no rejected messages
      ←/→ section  ↓/j move  Enter open  / filter  s sort  Esc back  ? help  q quit"
    `);
  });

  it('Help', async () => {
    const app = await renderConsoleAt(80, 24);
    expect(await app.press('?')).toMatchInlineSnapshot(`
      "hubmon Trục liên thông văn bản q…  ● live · lag 0 · newest 5 seconds ago
      1 Overview 2 3 4 5 6                               window 1h · ⚠ 1 crit · 1 warn
      Help                                                                          63
       Keys       Esc or ? to close
      ›Everywhere
         1–6      Overview, Agencies, Servers, Signatures, Deadlines, Alerts
         Tab      next screen
         S-Tab    previous screen
         Esc      back to the previous screen; clears an active filter first
         p        freeze or unfreeze the figures on screen; data keeps arriving
         w        cycle the time window: 5 min, 1 hour, 24 hours
         ?        show or hide this help
         q        leave the console, restoring the terminal
       Lists
         ↑/k      move up
         ↓/j      move down
         PgUp     page up
         PgDn     page down
         g        first row
         G        last row
         Enter    open the selected agency: its detail and the units under it
      no rejected messages
      ↓/j move  Enter open  / filter  s sort  1–6 screens  Esc back  ? help  q quit"
    `);
  });
});

describe('layout', () => {
  it('uses the room of 200 columns and reflows on resize', async () => {
    const app = await renderConsoleAt(200, 40);
    const wide = await app.press('2');
    const header = wide.split('\n')[3] ?? '';
    expect(header).toContain('Conn');
    expect(header).toContain('Lv');
    expect(wide).toContain('Nghệ An ');
    // The name column stops growing where a shortened name fits; the figures stay beside it.
    expect(header.indexOf('Identifier') - header.indexOf('Name')).toBeLessThanOrEqual(45);
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    const narrow = await app.press();
    expect(narrow.split('\n').filter((line) => stringWidth(line) > 80)).toEqual([]);
    expect(narrow.split('\n')[3]).not.toContain('Conn');
  });

  it.each([
    [80, 'en', ['Everywhere', 'Lists', 'Agencies', 'Alerts', 'Agency detail', 'While typing a filter']],
    [120, 'en', ['Everywhere', 'Lists', 'Agencies', 'Alerts', 'Agency detail', 'While typing a filter']],
    [120, 'vi', ['Mọi nơi', 'Danh sách', 'Cơ quan', 'Cảnh báo', 'Chi tiết cơ quan', 'Khi đang gõ bộ lọc']],
  ] as const)('Help at %i columns (%s) spells out every group title', async (columns, lang, titles) => {
    const app = await renderConsoleAt(columns, 50, { lang });
    const lines = (await app.press('?')).split('\n').map((l) => l.slice(1).trimEnd());
    for (const title of titles) expect(lines).toContain(title);
  });

  it.each(['en', 'vi'] as const)('Help at 80 columns (%s) wraps a long text instead of cutting it', async (lang) => {
    const app = await renderConsoleAt(80, 90, { lang });
    const lines = (await app.press('?')).split('\n');
    // The one '…' left is the mark Help explains.
    expect(lines.slice(2).filter((l) => l.includes('…') && !/^ {3}… /.test(l))).toEqual([]);
    const space = lines.findIndex((l) => /^ {3}Space +/.test(l));
    expect(space).toBeGreaterThan(0);
    expect(lines[space + 1]).toMatch(/^ {12}\S/);
  });

  it.each([
    ['en', '←/→      previous / next section of the detail'],
    ['vi', '←/→      mục trước / tiếp theo của trang chi tiết'],
  ] as const)('Help (%s) says ← goes to the previous section and → to the next', async (lang, line) => {
    const app = await renderConsoleAt(120, 50, { lang });
    expect(await app.press('?')).toContain(line);
  });

  it.each([
    ['en', 'Traffic (last 47 min of 1h): sent'],
    ['vi', 'Lưu lượng (47 phút gần nhất trong 1 giờ): gửi'],
  ] as const)('says (%s) when the rates cover only part of the window', async (lang, line) => {
    const data = fixtureData();
    const app = await renderConsoleAt(80, 24, {
      lang,
      metrics: fixtureMetrics({ ...data, totals: { coveredMinutes: 47 } }),
    });
    expect(app.frame()).toContain(line);
    expect(app.frame()).toContain(lang === 'en' ? 'window 1h' : '1 giờ qua');
  });

  it.each([
    ['en', '•        a row whose state changed at the last refresh; in Alerts, an incident new since you looked'],
    ['vi', '•        dòng vừa đổi trạng thái ở lần làm mới gần nhất; ở Cảnh báo, sự cố mới từ lần xem trước'],
  ] as const)('Help (%s) explains the marks on screen', async (lang, line) => {
    const app = await renderConsoleAt(120, 60, { lang });
    expect(await app.press('?')).toContain(line);
  });

  it('speaks Vietnamese with --lang vi', async () => {
    const app = await renderConsoleAt(80, 24, { lang: 'vi' });
    const frame = await app.press('2');
    expect(frame).toContain('Cơ quan, đơn vị · cấp 1 · bộ, tỉnh · mọi cơ quan');
    expect(frame).toContain('14,8%');
    expect(frame).toContain('mới nhất 5 giây trước');
  });

  it('folds to ASCII with --ascii, keeping columns aligned', async () => {
    const app = await renderConsoleAt(80, 24, { lang: 'vi', ascii: true });
    const frame = await app.press('2');
    expect(frame).toMatch(/^[\u0000-\u007f]*$/);
    expect(frame).toContain('Nghe An           000.00.00.H41');
    expect(frame).toContain('Van phong Chinh ~ 000.00.00.G22');
  });
});
