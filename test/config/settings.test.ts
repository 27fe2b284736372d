import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, configDir, langFromEnv, resolveSettings } from '../../src/config/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hubmon-config-'));
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};

describe('XDG folders', () => {
  it.each([
    [{ HOME: '/home/ca-dem' }, '/home/ca-dem/.cache/hubmon', '/home/ca-dem/.config/hubmon'],
    [{ HOME: '/h', XDG_CACHE_HOME: '/var/c', XDG_CONFIG_HOME: '/etc/x' }, '/var/c/hubmon', '/etc/x/hubmon'],
    [{ HOME: '/h', XDG_CACHE_HOME: 'relative' }, '/h/.cache/hubmon', '/h/.config/hubmon'],
  ])('%j', (env, cache, config) => {
    expect(cacheDir(env)).toBe(cache);
    expect(configDir(env)).toBe(config);
  });
});

describe('language from the locale', () => {
  it.each([
    [{ LANG: 'vi_VN.UTF-8' }, 'vi'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN' }, 'vi'],
    [{}, 'en'],
  ])('%j → %s', (env, lang) => expect(langFromEnv(env)).toBe(lang));
});

describe('precedence: flags over environment over file over defaults', () => {
  const config = file('config.json', { url: 'ws://file:1/v1/telemetry', lang: 'en', ascii: true });

  it('takes the file when nothing else speaks', () => {
    const s = resolveSettings({ config }, { LANG: 'vi_VN.UTF-8' });
    expect([s.url, s.lang, s.ascii]).toEqual(['ws://file:1/v1/telemetry', 'en', true]);
  });

  it('takes the clock tolerance from the file', () => {
    const s = resolveSettings({ config: file('tolerance.json', { clockToleranceSeconds: 60 }) }, {});
    expect(s.clockToleranceSeconds).toBe(60);
    expect(resolveSettings({ config: join(dir, 'absent.json') }, {}).clockToleranceSeconds).toBeNull();
  });

  it('lets the environment override the file', () => {
    const s = resolveSettings({ config }, { HUBMON_URL: 'ws://env:2/v1/telemetry', HUBMON_LANG: 'vi' });
    expect([s.url, s.lang]).toEqual(['ws://env:2/v1/telemetry', 'vi']);
  });

  it('lets flags override both', () => {
    const s = resolveSettings({ config, url: 'wss://flag:3/v1/telemetry', lang: 'vi' }, { HUBMON_URL: 'ws://env:2' });
    expect([s.url, s.lang]).toEqual(['wss://flag:3/v1/telemetry', 'vi']);
  });

  it('falls back to defaults with no file', () => {
    const s = resolveSettings({ config: join(dir, 'absent.json') }, { LANG: 'vi_VN.UTF-8' });
    expect(s).toMatchObject({ url: null, lang: 'vi', ascii: false });
  });
});

describe('bad settings are named, not thrown through', () => {
  it.each([
    ['bad.json', '{url:', /bad.json: expected JSON, got /],
    ['wrong.json', { ascii: 'yes' }, /wrong.json: ascii: expected boolean, got string "yes"/],
    ['unknown.json', { colour: true }, /unknown.json: \(message\): expected no field "colour"/],
    ['refresh.json', { refreshPerSecond: 2 }, /refresh.json: \(message\): expected no field "refreshPerSecond"/],
    ['color.json', { color: false }, /color.json: \(message\): expected no field "color"/],
    ['url.json', { url: 'http://x' }, /url.json: url: expected a ws:\/\/ or wss:\/\/ URL/],
  ])('%s', (name, body, message) => {
    expect(() => resolveSettings({ config: file(name, body) }, {})).toThrow(message);
  });

  it('refuses an unknown language flag', () => {
    expect(() => resolveSettings({ config: join(dir, 'absent.json'), lang: 'fr' }, {})).toThrow(
      'language: expected "vi" or "en", got "fr"',
    );
  });
});
