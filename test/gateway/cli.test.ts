import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';
import { FakeSecurityServer, startRouter } from '../support/fake-xroad.js';
import { SERVERS, sharedParams } from '../support/xroad-world.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-gateway-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REQUIRED = [
  '--globalconf',
  '/x',
  '--client',
  'VN/GOV/000.00.00.G22/GIAMSAT',
  '--security-server',
  'http://127.0.0.1:9',
];

describe('hubmon gateway on the command line', () => {
  it('shows its help in English, and in Vietnamese with --lang vi or a Vietnamese locale', async () => {
    expect((await runMain(['gateway', '--help'])).out).toMatch(/^Usage: hubmon gateway \[options\]/);
    expect((await runMain(['gateway', '--lang', 'vi', '--help'])).out).toMatch(
      /^Cách dùng: hubmon gateway \[tùy chọn\]/,
    );
    expect((await runMain(['gateway', '-h'], { LANG: 'vi_VN.UTF-8' })).out).toContain('máy chủ bảo mật');
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus"; accepted: --globalconf …', 'không có tùy chọn "--bogus"'],
    [[], '--globalconf: required', '--globalconf: bắt buộc'],
    [[...REQUIRED], '--documents: required', '--documents: bắt buộc'],
    [
      [...REQUIRED.slice(0, 2), '--client', 'VN/GOV', '--security-server', 'http://x', '--documents', 'a'],
      '--client: expected INSTANCE/CLASS/MEMBER/SUBSYSTEM, got "VN/GOV"',
      '--client: cần dạng INSTANCE/CLASS/MEMBER/SUBSYSTEM',
    ],
    [
      [...REQUIRED.slice(0, 4), '--security-server', 'ftp://x', '--documents', 'a'],
      '--security-server: expected an http:// or https:// URL, got "ftp://x"',
      '--security-server: cần địa chỉ http://',
    ],
    [
      [...REQUIRED, '--documents', 'a', '--port', 'many'],
      '--port: expected a whole number ≥ 0, got "many"',
      '--port: cần một số nguyên ≥ 0',
    ],
    [
      [...REQUIRED, '--documents', 'a', '--poll-interval', 'soon'],
      '--poll-interval: expected a duration like 90m or 2h, got "soon"',
      '--poll-interval: cần một khoảng thời gian',
    ],
    [
      [...REQUIRED, '--documents', 'a', '--token', 'abc'],
      'the token is never taken on the command line',
      'không bao giờ nhận mã truy cập trên dòng lệnh',
    ],
  ])('%j: one line in either language, usage exit code', async (args, en, vi) => {
    for (const [lang, words] of [
      ['en', en],
      ['vi', vi],
    ] as const) {
      const r = await runMain(['gateway', ...args, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.err).toContain(words);
      expect(r.err).toContain(lang === 'en' ? 'see "hubmon gateway --help"' : 'xem "hubmon gateway --help"');
      expect(r.err).not.toContain('abc');
    }
  });

  it('--check says which security servers answer, in either language', async () => {
    const fakes = new Map<string, FakeSecurityServer>();
    for (const s of SERVERS.slice(0, 3)) fakes.set(s.code, await new FakeSecurityServer(s.code).start());
    const router = await startRouter(() => fakes, 5_000);
    const globalconf = path.join(dir, 'shared-params.xml');
    writeFileSync(globalconf, sharedParams());
    try {
      const args = [
        'gateway',
        '--check',
        '--globalconf',
        globalconf,
        '--client',
        'VN/GOV/000.00.00.G22/GIAMSAT',
        '--security-server',
        router.url,
      ];
      const en = await runMain(args);
      expect(en.code).toBe(1);
      expect(en.out).toContain(
        `global configuration ${globalconf}: 6 agencies (1 members or subsystems are no agencies)`,
      );
      expect(en.out).toMatch(/ {2}ok {6}MCBM-VPCP {2}answered in \d+ ms/);
      expect(en.out).toMatch(/ {2}FAILED {2}MCBM-NGHEAN {2}Server\.ClientProxy\.network_error/);
      expect(en.out).toContain('3 of 4 security servers reachable');
      const vi = await runMain([...args, '--lang', 'vi']);
      expect(vi.out).toContain('kết nối được 3 trên 4 máy chủ bảo mật');
      expect(vi.out).toMatch(/ {2}LỖI {5}MCBM-NGHEAN/);
    } finally {
      for (const f of fakes.values()) await f.stop();
      await router.close();
    }
  });
});
