import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelemetryMessage } from '../../src/protocol/index.js';
import { exampleMessage } from '../support/protocol-examples.js';
import { RecordingWriter } from '../../src/sim/index.js';
import { defaultCachePath, openCache } from '../../src/store/index.js';

/**
 * What hubmon leaves on disk is for its owner alone: the cache holds what agencies send each
 * other (document subjects, who failed whom), a recording holds the raw stream. Checked with
 * the process umask at 000, so the modes come from hubmon and not from a kind umask.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'hubmon-sec-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let umask: number;
beforeEach(() => {
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
});

const mode = (p: string): string => (statSync(p).mode & 0o777).toString(8).padStart(3, '0');
const hello = exampleMessage('hello', 0) as TelemetryMessage;
const event = (seq: number) => exampleMessage('document.sent', seq) as TelemetryMessage;

describe('files on disk', () => {
  it('creates the cache folder 0700 and the cache, its WAL and shared-memory files 0600, whatever the umask', () => {
    const env = { XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), HOME: dir };
    const file = defaultCachePath('wss://truc.example.gov.vn:8443/v1/telemetry', env);
    expect(file).toBe(path.join(dir, 'xdg-cache', 'hubmon', 'truc.example.gov.vn_8443.sqlite'));
    const cache = openCache({ path: file });
    try {
      cache.applyBatch([hello, event(1), event(2)]);
      expect(mode(path.dirname(file))).toBe('700');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f)).toBe(true);
        expect([f, mode(f)]).toEqual([f, '600']);
      }
    } finally {
      cache.close();
    }
  });

  it('takes group and other bits off a cache file left readable by an older build or a copy', () => {
    const file = path.join(dir, 'loose', 'hub.sqlite');
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const first = openCache({ path: file });
    first.applyBatch([hello, event(1)]);
    first.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    const again = openCache({ path: file });
    try {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) expect([f, mode(f)]).toEqual([f, '600']);
    } finally {
      again.close();
    }
  });

  it('creates a recording of the stream 0600: it holds every subject the hub sent', async () => {
    const file = path.join(dir, 'stream.ndjson');
    const rec = new RecordingWriter(file);
    rec.write(JSON.stringify(event(1)));
    await rec.close();
    expect(mode(file)).toBe('600');
  });

  it('never writes into the config folder: settings are read, not created', async () => {
    const config = path.join(dir, 'xdg-config');
    const env = { XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(dir, 'xdg-cache-2'), HOME: dir };
    const { resolveSettings } = await import('../../src/config/index.js');
    resolveSettings({}, env);
    expect(existsSync(config)).toBe(false);
  });
});
