import { describe, expect, it } from 'vitest';
import { subtreeOf } from '../../src/metrics/roll-up-tree.js';
import { A } from '../support/telemetry.js';
import { AGENCIES } from './fixture.js';

describe('subtreeOf', () => {
  const node = (id: string, parent: string | null) => ({ id, parent });
  it('gives an agency and every unit under it, in registry order', () => {
    expect(subtreeOf(AGENCIES, A.ngheAn).map((a) => a.id)).toEqual([A.ngheAn, A.ngheAnDept, A.ngheAnCommune]);
    expect(subtreeOf(AGENCIES, A.ngheAnDept).map((a) => a.id)).toEqual([A.ngheAnDept, A.ngheAnCommune]);
    expect(subtreeOf(AGENCIES, A.quiet).map((a) => a.id)).toEqual([A.quiet]);
    expect(subtreeOf(AGENCIES, 'no-such-agency')).toEqual([]);
  });

  it('stops at a cycle and at a parent the registry does not know', () => {
    const nodes = [node('a', 'c'), node('b', 'a'), node('c', 'b'), node('d', 'a'), node('e', 'x'), node('f', 'e')];
    // The cycle a → c → b → a is cut where the walk from the first node closes it.
    const ofA = subtreeOf(nodes, 'a').map((n) => n.id);
    expect(ofA).toContain('d');
    expect(ofA).not.toContain('e');
    expect(subtreeOf(nodes, 'e').map((n) => n.id)).toEqual(['e', 'f']);
  });
});
