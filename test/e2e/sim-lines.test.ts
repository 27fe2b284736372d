/** `hubmon sim` tells the operator what it runs, in the operator's language. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, requireBuild } from '../support/bin.js';

async function simOutput(lang: string): Promise<string> {
  requireBuild();
  const child = spawn(process.execPath, [bin, 'sim', '--port', '0', '--history', '5m'], {
    env: { PATH: process.env.PATH, HOME: '/nonexistent', LANG: lang },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    // The last scripted incident listed: everything the start prints is there.
    if (/overdue_pile .*\n/.test(out)) child.kill('SIGTERM');
  });
  await new Promise<void>((r) => child.on('exit', () => r()));
  return out;
}

describe('hubmon sim', () => {
  it('lists its URL, settings and incidents in Vietnamese, and says when it stops', async () => {
    const out = await simOutput('vi_VN.UTF-8');
    expect(out).toMatch(/^hubmon sim: đang lắng nghe tại ws:\/\/127\.0\.0\.1:\d+\/v1\/telemetry\n/);
    expect(out).toMatch(/\nhạt giống \d+, tốc độ 1×, 95 cơ quan, phiên \S+\nsự cố:\n/);
    expect(out).toMatch(/ {2}server_down {14}MCBM-\d+ \(.+\) mất kết nối \d\d:\d\d–\d\d:\d\d; \d+ cơ quan phía sau\n/);
    expect(out).toMatch(/ {2}overdue_pile {13}\S+ \(.+\) để 24 văn bản có thời hạn không trả lời/);
    expect(out).toMatch(/hubmon sim: đã dừng\n$/);
    expect(out).not.toMatch(/\b(agencies|disconnected|incidents|listening)\b/);
  });

  it('in English under an English locale', async () => {
    const out = await simOutput('en_GB.UTF-8');
    expect(out).toMatch(/^hubmon sim: listening on ws:\/\//);
    expect(out).toMatch(
      / {2}server_down {14}MCBM-\d+ \(.+\) disconnected \d\d:\d\d–\d\d:\d\d; agencies behind it: \d+\n/,
    );
    expect(out).toMatch(/hubmon sim: stopped\n$/);
  });
});
