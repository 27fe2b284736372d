import { describe, expect, it } from 'vitest';
import { childId, deriveSeed, isAgencyId, levelOf, mulberry32, sample } from '../../src/registry/index.js';

describe('agency identifiers', () => {
  it.each([
    ['000.00.00.H41', 1],
    ['000.00.07.H41', 2],
    ['000.12.07.H41', 3],
    ['003.12.07.H41', 4],
  ] as const)('%s is level %i', (id, level) => {
    expect(levelOf(id)).toBe(level);
  });

  it.each([
    ['000.00.00.H41', 7, '000.00.07.H41'],
    ['000.00.07.H41', 12, '000.12.07.H41'],
    ['000.12.07.H41', 3, '003.12.07.H41'],
    ['000.12.07.H41', 999, '999.12.07.H41'],
  ])('child %s #%i is %s', (parent, n, expected) => {
    expect(childId(parent, n)).toBe(expected);
  });

  it.each([
    ['000.00.00.H41', 100],
    ['000.00.00.H41', 0],
    ['003.12.07.H41', 1],
    ['H41', 1],
  ])('refuses child of %s numbered %i', (parent, n) => {
    expect(() => childId(parent, n)).toThrow(RangeError);
  });

  it.each([
    ['000.00.00.G22', true],
    ['000.00.00.g22', false],
    ['00.00.00.G22', false],
    ['000.00.00.G2', false],
  ])('isAgencyId(%s) is %s', (id, ok) => {
    expect(isAgencyId(id)).toBe(ok);
  });
});

describe('rng', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    for (const x of draw(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('derives separate streams per label', () => {
    expect(deriveSeed(1, '000.00.00.H41')).toBe(deriveSeed(1, '000.00.00.H41'));
    expect(deriveSeed(1, '000.00.00.H41')).not.toBe(deriveSeed(1, '000.00.00.H14'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
  });

  it('samples distinct items', () => {
    const picked = sample(mulberry32(5), ['a', 'b', 'c', 'd', 'e'], 4);
    expect(new Set(picked).size).toBe(4);
  });
});
