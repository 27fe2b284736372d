import { describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';

const NEVER = 'the token is never taken on the command line, where ps and shell history would show it';

describe('a token given on the command line', () => {
  it.each([
    [['--token', 'abc'], 'console'],
    [['console', '--token=abc'], 'console'],
    [['record', 'rec.ndjson', '--url', 'ws://127.0.0.1:9/v1/telemetry', '--token', 'abc'], 'record'],
  ])('%j is a usage error pointing to HUBMON_TOKEN and --token-file', async (argv, command) => {
    const r = await runMain(argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `hubmon ${command}: --token: ${NEVER}; set HUBMON_TOKEN or give --token-file PATH; see "hubmon ${command} --help"\n`,
    );
    expect(r.err).not.toContain('abc');
  });

  it('is UNKNOWN bad usage for hubmon status, with the same pointer', async () => {
    const r = await runMain(['status', '--url', 'ws://127.0.0.1:9/v1/telemetry', '--token', 'abc']);
    expect(r.code).toBe(3);
    expect(r.out).toBe(
      `HUBMON UNKNOWN - bad usage: --token: ${NEVER}; set HUBMON_TOKEN or give --token-file PATH (see hubmon status --help)\n`,
    );
  });

  it('points the simulated hub to --token-file alone: it reads no HUBMON_TOKEN', async () => {
    const r = await runMain(['sim', '--token', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`hubmon sim: --token: ${NEVER}; give --token-file PATH`);
    expect(r.err).not.toContain('HUBMON_TOKEN');
  });

  it('stays an unknown option where no token is taken at all', async () => {
    const r = await runMain(['report', '--token', 'abc']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^hubmon report: unknown option "--token"; accepted: --from …, .*; see "hubmon report --help"\n$/,
    );
  });
});
