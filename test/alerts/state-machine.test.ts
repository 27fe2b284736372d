import { describe, expect, it } from 'vitest';
import { alertKey, type AlertState, type Candidate, type Severity } from '../../src/alerts/index.js';
import { step } from '../../src/alerts/state-machine.js';

const MIN = 60_000;
const timing = { forMs: 2 * MIN, keepFiringForMs: 3 * MIN };
const labels = { server: 'MCBM-007' };
const cand = (severity: Severity = 'critical', since?: number): Candidate => ({
  key: alertKey('server-disconnected', labels),
  rule: 'server-disconnected',
  labels,
  severity,
  ...(since !== undefined && { since }),
  params: {},
});

/** Runs observations (true = condition holds) at the given minutes and returns each phase. */
function run(observations: readonly [minute: number, holds: boolean | Severity][]): string[] {
  let s: AlertState | null = null;
  const phases: string[] = [];
  for (const [minute, holds] of observations) {
    const obs = holds === false ? null : cand(holds === true ? 'critical' : holds);
    s = step(s, obs, minute * MIN, timing);
    phases.push(
      s === null ? 'inactive' : s.keptFiringSince !== null && s.phase === 'firing' ? 'firing(kept)' : s.phase,
    );
  }
  return phases;
}

describe('step', () => {
  it.each<[string, [number, boolean | Severity][], string[]]>([
    [
      'stays inactive while the condition is false',
      [
        [0, false],
        [1, false],
      ],
      ['inactive', 'inactive'],
    ],
    [
      'is pending until `for` has elapsed, then fires',
      [
        [0, true],
        [1, true],
        [2, true],
        [3, true],
      ],
      ['pending', 'pending', 'firing', 'firing'],
    ],
    [
      'drops a pending alert whose condition clears (it never fired)',
      [
        [0, true],
        [1, false],
        [2, true],
      ],
      ['pending', 'inactive', 'pending'],
    ],
    [
      'keeps firing through a flap shorter than keepFiringFor',
      [
        [0, true],
        [2, true],
        [3, false],
        [5, false],
        [6, true],
        [7, false],
      ],
      ['pending', 'firing', 'firing(kept)', 'firing(kept)', 'firing', 'firing(kept)'],
    ],
    [
      'resolves once the condition has stayed false for keepFiringFor',
      [
        [0, true],
        [2, true],
        [3, false],
        [5, false],
        [6, false],
        [7, false],
      ],
      ['pending', 'firing', 'firing(kept)', 'firing(kept)', 'resolved', 'resolved'],
    ],
    [
      'starts a new incident (pending again) when a resolved alert comes back',
      [
        [0, true],
        [2, true],
        [3, false],
        [6, false],
        [7, true],
      ],
      ['pending', 'firing', 'firing(kept)', 'resolved', 'pending'],
    ],
  ])('%s', (_name, observations, expected) => {
    expect(run(observations)).toEqual(expected);
  });

  it('fires at once, from the data’s own start time, when the condition began long enough ago', () => {
    const s = step(null, cand('critical', 10 * MIN), 13 * MIN, timing);
    expect(s).toMatchObject({ phase: 'firing', activeSince: 10 * MIN, firingSince: 12 * MIN });
  });

  it('is pending when the data says the condition began less than `for` ago', () => {
    expect(step(null, cand('critical', 12 * MIN), 13 * MIN, timing)).toMatchObject({
      phase: 'pending',
      activeSince: 12 * MIN,
    });
  });

  it('records when the alert resolved and keeps its first firing time through a flap', () => {
    let s = step(null, cand(), 0, timing);
    s = step(s, cand(), 2 * MIN, timing);
    s = step(s, null, 3 * MIN, timing);
    s = step(s, cand(), 4 * MIN, timing);
    expect(s).toMatchObject({ phase: 'firing', firingSince: 2 * MIN, keptFiringSince: null });
    s = step(s, null, 5 * MIN, timing);
    s = step(s, null, 8 * MIN, timing);
    expect(s).toMatchObject({ phase: 'resolved', keptFiringSince: 5 * MIN, resolvedAt: 8 * MIN });
  });

  it('keeps an acknowledgement while the severity holds or falls, and drops it when it rises', () => {
    let s = step(null, cand('warning'), 0, { forMs: 0, keepFiringForMs: 0 });
    s = { ...s!, ack: { by: 'truc-dem', at: 1 } };
    s = step(s, cand('warning'), MIN, timing);
    expect(s?.ack).toEqual({ by: 'truc-dem', at: 1 });
    s = step(s, cand('critical'), 2 * MIN, timing);
    expect(s).toMatchObject({ severity: 'critical', ack: null });
    s = { ...s!, ack: { by: 'truc-dem', at: 3 } };
    s = step(s, cand('warning'), 4 * MIN, timing);
    expect(s).toMatchObject({ severity: 'warning', ack: { by: 'truc-dem', at: 3 } });
  });

  it('hands back the same object when nothing moved, so callers can skip work', () => {
    const s = step(null, cand(), 0, timing);
    expect(step(s, cand(), MIN, timing)).toBe(s);
    expect(step(s, cand('warning'), MIN, timing)).not.toBe(s);
  });

  it('fires on the first evaluation when `for` is 0', () => {
    expect(step(null, cand(), 5 * MIN, { forMs: 0, keepFiringForMs: 0 })).toMatchObject({
      phase: 'firing',
      firingSince: 5 * MIN,
    });
  });

  it('resolves at the first false evaluation when keepFiringFor is 0', () => {
    const s = step(null, cand(), 0, { forMs: 0, keepFiringForMs: 0 });
    expect(step(s, null, MIN, { forMs: 0, keepFiringForMs: 0 })).toMatchObject({ phase: 'resolved', resolvedAt: MIN });
  });
});
