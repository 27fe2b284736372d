import { describe, expect, it } from 'vitest';
import { layoutColumns, type ColumnSpec } from '../../src/ui/view/columns.js';
import { agencyTree, rollUpSubtrees } from '../../src/metrics/roll-up-tree.js';
import { move, settle, visibleRange } from '../../src/ui/view/viewport.js';
import { diffRows, emptyDiff, isMarked, CHANGE_MARK_MS } from '../../src/ui/view/row-diff.js';
import { keepSame } from '../../src/ui/view/same-data.js';
import { buildAgencyModels } from '../../src/ui/view/agency-model.js';
import { filterAgencies } from '../../src/ui/view/agency-filter.js';
import { agenciesSpec } from '../../src/ui/view/agencies-spec.js';
import { filterModels, sortModels } from '../../src/ui/view/list-view.js';
import { initialState, reduce } from '../../src/ui/state/state.js';
import { judgeLink } from '../../src/ui/status/link.js';
import {
  judgeOverdue,
  judgeServer,
  judgeSignatureFailure,
  signatureRank,
  judgeThroughputDrop,
  throughputDrop,
} from '../../src/ui/status/judge.js';
import { idleIngest } from '../../src/ui/data/sources.js';
import { ALL_TABLES, resolveKey } from '../../src/ui/keys/bindings.js';
import { fixtureMetrics, NOW } from './fixture.js';

describe('status thresholds', () => {
  // The alert rule's judgement: the rate the agency surely has (Wilson lower bound, z 1.96)
  // above 5 % warns, from 20 % is critical, with at least 3 failures.
  it.each([
    [0, 0, 'none'],
    [0, 100, 'ok'],
    [1, 1, 'ok'], // 100 % of 1 is no evidence
    [5, 100, 'ok'],
    [12, 100, 'warn'],
    [30, 100, 'critical'],
    [12, 12, 'critical'], // a burst at a small agency
  ] as const)('signature failures %d of %d → %s', (failed, verified, level) => {
    expect(judgeSignatureFailure(failed, verified)).toBe(level);
  });
  it('a burst of 12 of 12 outranks 1 of 1', () => {
    expect(signatureRank(12, 12)).toBeGreaterThan(signatureRank(1, 1));
  });
  it.each([
    [0, 'ok'],
    [1, 'warn'],
    [10, 'critical'],
  ] as const)('overdue %d → %s', (n, level) => expect(judgeOverdue(n)).toBe(level));
  it.each([
    ['connected', 'ok'],
    ['degraded', 'warn'],
    ['disconnected', 'critical'],
    ['unknown', 'none'],
  ] as const)('server %s → %s', (state, level) => expect(judgeServer(state)).toBe(level));
  it.each([
    [100, 1000, 'critical'],
    [400, 1000, 'warn'],
    [900, 1000, 'ok'],
    [0, 10, 'none'],
    [0, null, 'none'],
  ] as const)('throughput %d vs %s a week ago → %s', (now, weekAgo, level) => {
    expect(judgeThroughputDrop(throughputDrop(now, weekAgo))).toBe(level);
  });
  it.each([
    [{ state: 'live' }, 'live'],
    [{ state: 'stale' }, 'stale'],
    [{ state: 'reconnecting' }, 'reconnecting'],
    [{ state: 'offline' }, 'offline'],
    [{ state: 'catching_up' }, 'catching_up'],
    // A console reading a cache another one writes has no link of its own.
    [{ state: 'offline', readOnly: { path: 'cache.sqlite', writer: { pid: 4242, host: 'trucdem' } } }, 'readOnly'],
  ] as const)('link %j → %s', (status, link) => {
    expect(judgeLink(idleIngest(status).get())).toBe(link);
  });
});

describe('roll-up of the four levels', () => {
  const nodes = [
    { id: 'p', parent: null, level: 1, v: 1 },
    { id: 'd', parent: 'p', level: 2, v: 10 },
    { id: 'c1', parent: 'd', level: 3, v: 100 },
    { id: 'c2', parent: 'd', level: 3, v: 1000 },
    { id: 'm', parent: null, level: 1, v: 5 },
  ];
  it('sums every subtree', () => {
    const totals = rollUpSubtrees(
      nodes,
      (n) => ({ v: n.v }),
      (a, b) => (a.v += b.v),
    );
    expect(Object.fromEntries(nodes.map((n, i) => [n.id, totals[i]?.v]))).toEqual({
      p: 1111,
      d: 1110,
      c1: 100,
      c2: 1000,
      m: 5,
    });
  });
  it('counts children and orders every node after its descendants', () => {
    const tree = agencyTree(nodes);
    expect([...tree.childCount]).toEqual([1, 2, 0, 0, 0]);
    const at = (id: string) => [...tree.bottomUp].indexOf(nodes.findIndex((n) => n.id === id));
    expect(at('c1')).toBeLessThan(at('d'));
    expect(at('d')).toBeLessThan(at('p'));
  });
  it('sums by the parent links even when a level is mislabelled, and cuts a cycle', () => {
    const odd = [
      { id: 'p', parent: null, level: 1, v: 1 },
      { id: 'c', parent: 'd', level: 2, v: 100 },
      { id: 'd', parent: 'p', level: 3, v: 10 },
      { id: 'x', parent: 'y', level: 2, v: 5 },
      { id: 'y', parent: 'x', level: 2, v: 7 },
    ];
    const totals = rollUpSubtrees(
      odd,
      (n) => ({ v: n.v }),
      (a, b) => (a.v += b.v),
    );
    expect(totals.map((t) => t.v)).toEqual([111, 100, 110, 12, 7]);
  });
  it('agency models carry own and rolled-up figures', () => {
    const models = buildAgencyModels(fixtureMetrics(), NOW, '1h');
    const province = models.find((m) => m.id === '000.00.00.H41');
    expect(province?.own.overdue).toBe(12);
    expect(province?.total.overdue).toBe(14);
    expect(province?.total.serverDown).toBe(1);
    expect(province?.childCount).toBe(1);
    expect(province?.status.server).toBe('critical');
    expect(filterAgencies(models, 0, 'server').map((m) => m.id)).toEqual([
      '000.00.00.H41',
      '000.00.01.H41',
      '000.01.01.H41',
      '000.02.01.H41',
    ]);
    expect(filterAgencies(models, 3, 'overdue').map((m) => m.id)).toEqual(['000.02.01.H41']);
  });
  it('filters without diacritics and sorts by any column', () => {
    const models = buildAgencyModels(fixtureMetrics(), NOW, '1h');
    expect(filterModels(models, agenciesSpec, 'nghe an').map((m) => m.id)).toEqual(['000.00.00.H41']);
    expect(filterModels(models, agenciesSpec, '01.h41').length).toBe(3);
    const bySent = sortModels(models, agenciesSpec, { column: 'sentPerMin', desc: true }).map((m) => m.id);
    expect(bySent).toEqual(['000.00.00.G22', '000.00.00.H41', '000.00.01.H41', '000.02.01.H41', '000.01.01.H41']);
  });
});

describe('column layout', () => {
  const specs: ColumnSpec[] = [
    { id: 'name', title: 'col.name', min: 10, flex: 2, priority: 0 },
    { id: 'id', title: 'col.id', min: 13, max: 13, priority: 3 },
    { id: 'a', title: 'col.sentPerMin', min: 6, flex: 1, max: 10, priority: 1 },
  ];
  it.each([
    [80, ['name', 'id', 'a'], [55, 13, 10]],
    [30, ['name', 'a'], [19, 10]],
    [20, ['name', 'a'], [12, 7]],
  ])('at %d columns keeps %j at widths %j', (width, ids, widths) => {
    const out = layoutColumns(specs, width, (s) => s.id);
    expect(out.map((c) => c.spec.id)).toEqual(ids);
    expect(out.map((c) => c.width)).toEqual(widths);
    expect(out.reduce((s, c) => s + c.width, 0) + out.length - 1).toBeLessThanOrEqual(width);
  });
});

describe('viewport', () => {
  it.each([
    [{ cursor: 0, offset: 0 }, 1, 100, 10, { cursor: 1, offset: 0 }],
    [{ cursor: 9, offset: 0 }, 1, 100, 10, { cursor: 10, offset: 1 }],
    // A page scrolls the rows by a page as well: PgUp/PgDn show the page before / after.
    [{ cursor: 50, offset: 45 }, -10, 100, 10, { cursor: 40, offset: 35 }],
    [{ cursor: 0, offset: 0 }, 10, 100, 10, { cursor: 10, offset: 10 }],
    [{ cursor: 95, offset: 90 }, 10, 100, 10, { cursor: 99, offset: 90 }],
    [{ cursor: 5, offset: 0 }, Infinity, 100, 10, { cursor: 99, offset: 90 }],
    [{ cursor: 5, offset: 0 }, -Infinity, 100, 10, { cursor: 0, offset: 0 }],
    [{ cursor: 3, offset: 0 }, 1, 0, 10, { cursor: 0, offset: 0 }],
  ])('move(%j, %d) in %d rows, height %d', (view, delta, count, height, expected) => {
    expect(move(view, delta, count, height)).toEqual(expected);
  });
  it('settles after the list shrinks and renders only the visible slice', () => {
    expect(settle(80, 75, 20, 10)).toEqual({ cursor: 19, offset: 10 });
    expect(visibleRange({ cursor: 19, offset: 10 }, 20, 10)).toEqual([10, 20]);
  });
});

describe('row diff', () => {
  /** Rows as [key, state]. */
  const pairs = { key: (r: readonly string[]) => r[0] ?? '', stateKey: (r: readonly string[]) => r[1] ?? '' };
  it('marks changed rows for a moment, not the first load', () => {
    const first = diffRows(
      emptyDiff,
      pairs,
      [
        ['a', 'ok'],
        ['b', 'ok'],
      ],
      0,
    );
    expect(isMarked(first, 'a', 0)).toBe(false);
    const second = diffRows(
      first,
      pairs,
      [
        ['a', 'critical'],
        ['b', 'ok'],
        ['c', 'ok'],
      ],
      1000,
    );
    expect(isMarked(second, 'a', 1000)).toBe(true);
    expect(isMarked(second, 'b', 1000)).toBe(false);
    expect(isMarked(second, 'c', 1000)).toBe(false);
    const third = diffRows(second, pairs, [['a', 'critical']], 1000 + CHANGE_MARK_MS);
    expect(isMarked(third, 'a', 1000 + CHANGE_MARK_MS)).toBe(false);
  });
  it('finds a row that moved (a new sort) by its key, and keeps its mark', () => {
    const first = diffRows(
      emptyDiff,
      pairs,
      [
        ['a', 'ok'],
        ['b', 'ok'],
        ['c', 'ok'],
      ],
      0,
    );
    const second = diffRows(
      first,
      pairs,
      [
        ['c', 'ok'],
        ['b', 'down'],
        ['a', 'ok'],
      ],
      1000,
    );
    expect(['a', 'b', 'c'].filter((k) => isMarked(second, k, 1000))).toEqual(['b']);
    const third = diffRows(
      second,
      pairs,
      [
        ['b', 'down'],
        ['a', 'late'],
        ['c', 'ok'],
      ],
      2000,
    );
    expect(['a', 'b', 'c'].filter((k) => isMarked(third, k, 2000))).toEqual(['a', 'b']);
    expect(third.changedAt.get('b')).toBe(1000);
  });
});

describe('keeping unchanged rows', () => {
  type Row = { id: string; n: number };
  const key = (r: Row): string => r.id;
  it('hands back the previous rows that are equal, at their place or moved', () => {
    const previous: Row[] = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ];
    const next: Row[] = [
      { id: 'c', n: 3 },
      { id: 'b', n: 5 },
      { id: 'a', n: 1 },
    ];
    const kept = keepSame(previous, next, key);
    expect(kept[0]).toBe(previous[2]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(previous[0]);
  });
  it('hands back the previous list itself when every row is equal and in its place', () => {
    const ab = (): Row[] => [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    const previous = ab();
    expect(keepSame(previous, ab(), key)).toBe(previous);
    expect(keepSame(previous, ab().reverse(), key)).not.toBe(previous);
    expect(keepSame(previous, [{ id: 'a', n: 1 }], key)).not.toBe(previous);
  });
});

describe('state and keys', () => {
  it('walks routes: screen → detail → detail → back → back', () => {
    let s = reduce(initialState(), { type: 'showScreen', screen: 'agencies' });
    s = reduce(s, { type: 'open', route: { kind: 'detail', agencyId: 'A', section: 'children' } });
    s = reduce(s, { type: 'open', route: { kind: 'detail', agencyId: 'B', section: 'children' } });
    expect(s.stack.map((r) => (r.kind === 'detail' ? r.agencyId : r.kind))).toEqual(['screen', 'A', 'B']);
    s = reduce(reduce(s, { type: 'back' }), { type: 'back' });
    expect(s.stack).toEqual([{ kind: 'screen', screen: 'agencies' }]);
    // Then back through the screens visited, and no further than the first.
    s = reduce(s, { type: 'back' });
    expect(s.stack).toEqual([{ kind: 'screen', screen: 'overview' }]);
    expect(reduce(s, { type: 'back' })).toBe(s);
  });
  it('Esc goes back through the screens visited, most recent first', () => {
    let s = initialState();
    for (const screen of ['servers', 'deadlines', 'deadlines', 'alerts'] as const) {
      s = reduce(s, { type: 'showScreen', screen });
    }
    s = reduce(s, { type: 'stepScreen', step: 1 }); // alerts → overview
    const back = (): string => {
      s = reduce(s, { type: 'back' });
      const r = s.stack[0];
      return r?.kind === 'screen' ? r.screen : (r?.kind ?? '');
    };
    expect([back(), back(), back(), back(), back()]).toEqual([
      'alerts',
      'deadlines',
      'servers',
      'overview',
      'overview',
    ]);
  });
  it('Esc clears a filter before it goes back', () => {
    let s = reduce(initialState('agencies'), { type: 'filterText', text: 'nghe' });
    s = reduce(s, { type: 'back' });
    expect(s.lists['agencies']?.query).toBe('');
  });
  it('every key is bound once per view', () => {
    for (const context of ['agencies', 'list', 'alerts', 'detail', 'filter'] as const) {
      const seen = new Map<string, string>();
      for (const table of ALL_TABLES) for (const b of table.bindings) for (const k of b.keys) seen.set(k, b.action);
      expect(resolveKey(context, 'q') === 'quit' || context === 'filter').toBe(true);
    }
    expect(resolveKey('agencies', 'l')).toBe('level');
    expect(resolveKey('detail', 'l')).toBe('nextSection');
    expect(resolveKey('filter', 'q')).toBe(null);
    expect(resolveKey('alerts', 'a')).toBe('ack');
    expect(resolveKey('list', 'a')).toBe(null);
  });
});
