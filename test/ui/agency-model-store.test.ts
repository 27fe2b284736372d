import { afterEach, describe, expect, it } from 'vitest';
import type { Metrics } from '../../src/metrics/types.js';
import { buildAgencyModels } from '../../src/ui/view/agency-model.js';
import { worstAgencies } from '../../src/ui/view/overview-model.js';
import { DAY, fixtureCache, MIN } from '../metrics/fixture.js';
import { A, docId } from '../support/telemetry.js';

let fx: ReturnType<typeof fixtureCache> | undefined;
afterEach(() => fx?.close());

const NOW = Date.UTC(2026, 10, 22, 3, 30);
const sent = (from: string, n: number, to: string) => ({
  docId: docId(from, n),
  sender: from,
  recipients: [to],
  attachments: 0,
  sizeBytes: 10,
});

/** What the lists show of a model, and what it is judged by. */
const shown = (models: ReturnType<typeof buildAgencyModels>) =>
  models.map((m) => ({
    id: m.id,
    own: [m.own.sent, m.own.received, m.own.spark],
    total: [m.total.sent, m.total.received, m.total.sentPerMin, m.total.spark],
    drop: m.drop,
    status: m.status,
  }));

describe('agency models over the cache', () => {
  it('are the same whether throughput lists every agency or only those with traffic', () => {
    fx = fixtureCache(NOW);
    const events: [number, 'document.sent', unknown][] = [
      // Before either window: the cache reaches a week back.
      [NOW - 7 * DAY - 90 * MIN, 'document.sent', sent(A.vpcp, 1, A.caoBang)],
      // The commune under Nghệ An's department sent 30 a week ago, nothing now: a drop
      // judged on it and on the units above it.
      ...Array.from(
        { length: 30 },
        (_, i) =>
          [NOW - 7 * DAY - 20 * MIN - i * 1000, 'document.sent', sent(A.ngheAnCommune, i, A.vpcp)] as [
            number,
            'document.sent',
            unknown,
          ],
      ),
      // Cao Bằng sends now only.
      [NOW - 5 * MIN, 'document.sent', sent(A.caoBang, 1, A.vpcp)],
      [NOW - 2 * MIN, 'document.sent', sent(A.caoBang, 2, A.ngheAn)],
    ];
    fx.write(...events);
    const metrics = fx.metrics;
    // The same surface, but throughput asked for every agency whatever the scope.
    const everyRow: Metrics = { ...metrics, throughput: (n, w, _scope, b) => metrics.throughput(n, w, undefined, b) };
    const withData = buildAgencyModels(metrics, NOW, '1h');
    expect(shown(withData)).toEqual(shown(buildAgencyModels(everyRow, NOW, '1h')));
    const byId = new Map(withData.map((m) => [m.id, m]));
    expect(byId.get(A.ngheAn)!.status.drop).toBe('critical');
    expect(byId.get(A.caoBang)!.total.sent).toBe(2);
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(byId.get(A.caoBang)!.total.spark)).toBe(2);
    expect(sum(byId.get(A.ngheAn)!.total.spark)).toBe(0);
    expect(byId.get(A.quiet)!.drop).toBeNull();

    // An agency's subtree alone, read for it: the same models as the whole registry's.
    const subtree = buildAgencyModels(metrics, NOW, '1h', A.ngheAn);
    expect(subtree.map((m) => m.id)).toEqual([A.ngheAn, A.ngheAnDept, A.ngheAnCommune].sort());
    const national = withData.filter((m) => subtree.some((x) => x.id === m.id));
    expect(shown(subtree)).toEqual(shown(national));
    expect(subtree.map((m) => [m.name, m.childCount, m.sigRate])).toEqual(
      national.map((m) => [m.name, m.childCount, m.sigRate]),
    );
    expect(buildAgencyModels(metrics, NOW, '1h', 'no-such-agency')).toEqual([]);
  });

  it('keep the models whose figures did not change from the build they are given, and only those', () => {
    fx = fixtureCache(NOW);
    const iso = (t: number) => new Date(t).toISOString();
    fx.write(
      [NOW - 10 * MIN, 'document.sent', sent(A.caoBang, 1, A.vpcp)],
      // Overdue since two hours before NOW: its age grows with the clock, its figures do not.
      [NOW - 2 * DAY, 'document.sent', { ...sent(A.vpcp, 2, A.ngheAnCommune), replyBy: iso(NOW - 2 * 60 * MIN) }],
      // Overdue for less long, in the department above it: the province shows the longest.
      [NOW - DAY, 'document.sent', { ...sent(A.vpcp, 4, A.ngheAnDept), replyBy: iso(NOW - 30 * MIN) }],
    );
    const metrics = fx.metrics;
    const first = buildAgencyModels(metrics, NOW, '1h');
    const byId = (models: readonly ReturnType<typeof buildAgencyModels>[number][]) =>
      new Map(models.map((m) => [m.id, m]));
    const commune = byId(first).get(A.ngheAnCommune)!;
    expect(commune.own.overdue).toBe(1);
    expect(commune.own.oldestOverdueAt).toBe(NOW - 2 * 60 * MIN);
    expect(byId(first).get(A.ngheAnDept)!.own.oldestOverdueAt).toBe(NOW - 30 * MIN);
    expect(byId(first).get(A.ngheAn)!.total.oldestOverdueAt).toBe(NOW - 2 * 60 * MIN);
    expect(byId(first).get(A.ngheAn)!.total.overdue).toBe(2);
    expect(byId(first).get(A.ngheAn)!.own.oldestOverdueAt).toBeNull();

    // 20 s on, within the same minute: nothing moved, the list is the one built before.
    const later = buildAgencyModels(metrics, NOW + 20_000, '1h', undefined, first);
    expect(later).toBe(first);

    // Nghệ An's commune sends: it and every unit above it change, nothing else does.
    fx.write([NOW + 30_000, 'document.sent', sent(A.ngheAnCommune, 3, A.vpcp)]);
    const after = buildAgencyModels(metrics, NOW + 40_000, '1h', undefined, later);
    const fresh = buildAgencyModels(metrics, NOW + 40_000, '1h');
    expect(shown(after)).toEqual(shown(fresh));
    expect(after.map((m) => m.own.oldestOverdueAt)).toEqual(fresh.map((m) => m.own.oldestOverdueAt));
    const changed = after.filter((m, i) => m !== later[i]).map((m) => m.id);
    expect(changed.sort()).toEqual([A.ngheAn, A.ngheAnDept, A.ngheAnCommune].sort());
    expect(byId(after).get(A.ngheAn)!.total.sent).toBe(1);
    expect(byId(after).get(A.caoBang)).toBe(byId(later).get(A.caoBang));

    // The Overview's ranking built on its last build: an idle unit now active moves every later model one place on,
    // and the models that did not change are still the ones built before.
    const ranking = buildAgencyModels(metrics, NOW + 40_000, '1h', undefined, undefined, undefined, true);
    expect(ranking.some((m) => m.id === A.quiet)).toBe(false);
    fx.write([NOW + 50_000, 'document.sent', sent(A.quiet, 5, A.vpcp)]);
    const reranked = buildAgencyModels(metrics, NOW + 60_000, '1h', undefined, ranking, undefined, true);
    const freshRanking = buildAgencyModels(metrics, NOW + 60_000, '1h', undefined, undefined, undefined, true);
    expect(shown(reranked)).toEqual(shown(freshRanking));
    expect(reranked.map((m) => m.id)).toContain(A.quiet);
    const at = reranked.findIndex((m) => m.id === A.quiet);
    expect(at).toBeLessThan(reranked.length - 1);
    // Every model after the new one whose figures the document did not move (not its recipient, not the units above
    // its sender) is the one built before, though at another place.
    const before = new Map(ranking.map((m) => [m.id, m]));
    const unmoved = reranked
      .slice(at + 1)
      .filter((m) => JSON.stringify(shown([m])) === JSON.stringify(shown([before.get(m.id)!])));
    expect(unmoved.length).toBeGreaterThan(0);
    for (const m of unmoved) expect(m).toBe(before.get(m.id));

    // A build of another list (a subtree) is not taken for this one's.
    const subtree = buildAgencyModels(metrics, NOW + 40_000, '1h', A.ngheAn, after);
    expect(subtree.some((m) => after.includes(m))).toBe(false);
    expect(shown(subtree)).toEqual(shown(fresh.filter((m) => subtree.some((x) => x.id === m.id))));
  });

  it('rank the Overview the same without sparklines, whatever order the metrics list agencies in', () => {
    fx = fixtureCache(NOW);
    const iso = (t: number) => new Date(t).toISOString();
    fx.write(
      ...Array.from(
        { length: 30 },
        (_, i) =>
          [NOW - 7 * 24 * 60 * MIN - 20 * MIN - i * 1000, 'document.sent', sent(A.ngheAnCommune, i, A.vpcp)] as [
            number,
            'document.sent',
            unknown,
          ],
      ),
      // Before either window: the cache reaches a week back.
      [NOW - 7 * DAY - 90 * MIN, 'document.sent', sent(A.vpcp, 99, A.caoBang)],
      [NOW - 5 * MIN, 'document.sent', sent(A.caoBang, 100, A.vpcp)],
      [NOW - 2 * DAY, 'document.sent', { ...sent(A.vpcp, 101, A.ngheAnDept), replyBy: iso(NOW - 90 * MIN) }],
      [NOW - 2 * DAY, 'document.sent', { ...sent(A.vpcp, 102, A.caoBang), replyBy: iso(NOW - 30 * MIN) }],
      // Four of four failing: enough to judge, as the alert rule would.
      ...[100, 103, 104, 105].map(
        (n) =>
          [
            NOW - 3 * MIN,
            'signature.verified',
            { docId: docId(A.caoBang, n), agency: A.caoBang, result: 'revoked_certificate' },
          ] as [number, 'signature.verified', unknown],
      ),
    );
    const metrics = fx.metrics;
    const models = buildAgencyModels(metrics, NOW, '1h');
    const ranked = (w: ReturnType<typeof worstAgencies>) =>
      w.map((x) => [x.concern, x.agency.id, x.level, x.badness, x.agency.status.overall]);
    const fromModels = worstAgencies(models, 5);
    expect(fromModels.map((w) => w.concern)).toEqual(expect.arrayContaining(['drop', 'overdue', 'signature']));

    // As the Overview reads them: the same figures, the sparklines flat, the idle units left out.
    const bare = buildAgencyModels(metrics, NOW, '1h', undefined, undefined, undefined, true);
    const flat = new Array<number>(models[0]!.own.spark.length).fill(0);
    expect(models.some((m) => m.own.spark.some((v) => v > 0))).toBe(true);
    const listed = models.filter((m) => bare.some((b) => b.id === m.id));
    expect(bare.map((m) => m.own)).toEqual(listed.map((m) => ({ ...m.own, spark: flat })));
    expect(bare.map((m) => m.status)).toEqual(listed.map((m) => m.status));
    const left = models.filter((m) => !listed.includes(m));
    expect(left.map((m) => m.id)).toContain(A.quiet);
    for (const m of left) expect([m.childCount, m.own.sent + m.own.received, m.status.overall]).toEqual([0, 0, 'ok']);
    expect(ranked(worstAgencies(bare, 5))).toEqual(ranked(fromModels));
    expect(ranked(worstAgencies(bare, 1))).toEqual(ranked(worstAgencies(models, 1)));

    // A metric that lists its agencies in another order than the registry's: the same figures.
    const reversed: Metrics = {
      ...metrics,
      throughput: (...a) => metrics.throughput(...a).reverse(),
      signatures: (...a) => metrics.signatures(...a).reverse(),
      deadlines: (...a) => metrics.deadlines(...a).reverse(),
    };
    expect(shown(buildAgencyModels(reversed, NOW, '1h'))).toEqual(shown(models));
  });
});
