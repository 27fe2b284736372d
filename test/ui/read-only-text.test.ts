import { describe, expect, it } from 'vitest';
import { translator } from '../../src/ui/i18n/translate.js';
import { readOnlyText } from '../../src/ui/components/StatusLine.js';

describe('the read-only notice', () => {
  it.each([
    [
      { path: '/var/cache/hubmon/hub.sqlite', writer: { pid: 4242, host: 'trucdem' } },
      'read-only: /var/cache/hubmon/hub.sqlite is written by pid 4242 on trucdem',
      'chỉ đọc: /var/cache/hubmon/hub.sqlite do tiến trình 4242 trên máy trucdem ghi',
    ],
    [{ path: '/tmp/c.sqlite', writer: null }, 'read-only: /tmp/c.sqlite', 'chỉ đọc: /tmp/c.sqlite'],
    [{ path: null, writer: null }, 'read-only cache', 'bộ đệm chỉ đọc'],
  ])('%j', (cache, english, vietnamese) => {
    expect(readOnlyText(cache, translator('en'))).toBe(english);
    expect(readOnlyText(cache, translator('vi'))).toBe(vietnamese);
  });
});
