import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultAlertConfig,
  defaultAlertConfigPath,
  formatDuration,
  loadAlertConfig,
  parseAlertConfig,
  parseDuration,
} from '../../src/alerts/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubmon-alert-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('durations', () => {
  it.each<[string, number | null]>([
    ['0', 0],
    ['90s', 90_000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['', null],
    ['2 minutes', null],
    ['1m2h', null],
    ['-1m', null],
  ])('%j → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each<[number, string]>([
    [0, '0s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [604_800_000, '7d'],
  ])('%i ms reads back as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('the thresholds file', () => {
  it('has the defaults the hub asked for', () => {
    const { rules } = defaultAlertConfig();
    expect(rules.serverDisconnected.for).toBe(2 * 60_000);
    expect(rules.signatureFailures).toMatchObject({ window: 15 * 60_000, minDocuments: 3, warningRate: 0.05 });
    expect(rules.agencySilent.silentFor).toBe(60 * 60_000);
    expect(rules.agencySilent.workingHours).toEqual({
      timeZone: 'Asia/Ho_Chi_Minh',
      days: [1, 2, 3, 4, 5],
      start: '07:30',
      end: '17:00',
    });
  });

  it('merges a partial file over the defaults', () => {
    const r = parseAlertConfig({
      rules: { serverDisconnected: { for: '5m' }, agencySilent: { workingHours: { end: '16:30' } } },
    });
    expect(r.error).toBeNull();
    expect(r.config?.rules.serverDisconnected).toEqual({ enabled: true, for: 300_000, keepFiringFor: 60_000 });
    expect(r.config?.rules.agencySilent.workingHours).toMatchObject({ start: '07:30', end: '16:30' });
    expect(r.config?.rules.overdueReplies).toEqual(defaultAlertConfig().rules.overdueReplies);
  });

  it.each<[string, unknown, string]>([
    [
      'a duration in words',
      { rules: { serverDisconnected: { for: '2 minutes' } } },
      'rules.serverDisconnected.for: expected a duration like "90s", "2m", "1h30m" or "7d", got string "2 minutes"',
    ],
    [
      'a misspelt rule',
      { rules: { serverDisconected: {} } },
      'rules.serverDisconected: unknown setting (check its spelling)',
    ],
    [
      'a rate as a percentage',
      { rules: { signatureFailures: { warningRate: 5 } } },
      'rules.signatureFailures.warningRate: expected at most 1, got integer 5',
    ],
    ['a number for a duration', { keepResolvedFor: 900 }, 'keepResolvedFor: expected string, got integer 900'],
    [
      'an unknown time zone',
      { rules: { agencySilent: { workingHours: { timeZone: 'Asia/Hanoi_City' } } } },
      'rules.agencySilent.workingHours.timeZone: expected an IANA time zone like "Asia/Ho_Chi_Minh", got string "Asia/Hanoi_City"',
    ],
    [
      'a clock without its leading zero',
      { rules: { agencySilent: { workingHours: { start: '7:30' } } } },
      'rules.agencySilent.workingHours.start: expected a time of day like "07:30", got string "7:30"',
    ],
    [
      'a window that is not on screen',
      { rules: { deliveryFailures: { window: '15m' } } },
      'rules.deliveryFailures.window: expected one of "1h", "24h", "5m", got string "15m"',
    ],
    ['a list instead of an object', [], '(top level): expected object, got array'],
  ])('names the fault in %s', (_name, value, error) => {
    expect(parseAlertConfig(value)).toEqual({ config: null, error });
  });

  it('uses the defaults without complaint when there is no file', () => {
    expect(loadAlertConfig(path.join(dir, 'absent.json'))).toEqual({
      config: defaultAlertConfig(),
      path: null,
      error: null,
    });
  });

  it('reads a good file', () => {
    const p = file('good.json', JSON.stringify({ rules: { overdueReplies: { criticalCount: 3 } } }));
    const r = loadAlertConfig(p);
    expect(r.error).toBeNull();
    expect(r.config.rules.overdueReplies.criticalCount).toBe(3);
  });

  it.each<[string, string, RegExp]>([
    ['broken JSON', '{"rules": ', /^.*broken JSON.json: expected JSON, got /],
    [
      'invalid settings',
      '{"rules":{"overdueReplies":{"warningCount":0}}}',
      /invalid settings.json: rules\.overdueReplies\.warningCount: expected at least 1, got integer 0$/,
    ],
  ])('falls back to the defaults on %s and says which file and where', (name, text, error) => {
    const r = loadAlertConfig(file(`${name}.json`, text));
    expect(r.config).toEqual(defaultAlertConfig());
    expect(r.error).toMatch(error);
  });

  it('reports an unreadable path instead of throwing', () => {
    const r = loadAlertConfig(dir);
    expect(r.error).toBe(`${dir}: cannot read (EISDIR)`);
    expect(r.config).toEqual(defaultAlertConfig());
  });

  it('lives beside config.json in the XDG config folder', () => {
    expect(defaultAlertConfigPath({ XDG_CONFIG_HOME: '/srv/cfg', HOME: '/home/op' })).toBe(
      '/srv/cfg/hubmon/alerts.json',
    );
    expect(defaultAlertConfigPath({ HOME: '/home/op' })).toBe('/home/op/.config/hubmon/alerts.json');
  });
});
