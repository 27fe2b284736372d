/** One polling round of one server: health data, operational data page by page from its cursor, now and then certificates. */
import { exchangeEvents, type ExchangeContext } from './exchange-events.js';
import type { EventStore, PageCommit, StoredEvent } from './event-store.js';
import { certificateExpiry, healthConcern, parseCertificates, parseHealthData } from './health-metrics.js';
import { exchangeKey, parseRecords } from './op-records.js';
import type { ServerTarget } from './registry-map.js';
import { postSoap } from './soap-client.js';
import { healthDataRequest, metricsRequest, operationalDataRequest } from './soap-request.js';
import type { GatewayOptions } from './service.js';
import { parseOperationalDataResponse } from './soap-response.js';

export interface PollerDeps {
  readonly o: GatewayOptions;
  /** Where a server without a cursor starts (seconds). */
  readonly startFromSec: number;
  readonly store: EventStore;
  readonly agencyOf: ExchangeContext['agencyOf'];
  /** Hands freshly numbered events to the serving side. */
  readonly publish: (events: readonly StoredEvent[]) => void;
  /** Told when records of a page are set aside (counted and kept in the file besides). */
  readonly setAside: (server: string, count: number, firstReason: string) => void;
}

const ask = (deps: PollerDeps, envelope: string) =>
  postSoap(deps.o.securityServerUrl, envelope, deps.o.timeoutMs ?? 10_000);

/** Fetches and commits operational data pages until the server has nothing newer. */
async function pollOperationalData(target: ServerTarget, deps: PollerDeps): Promise<void> {
  const { store, o } = deps;
  const documentServices = new Set(o.documents);
  let from = store.cursor(target.id) ?? deps.startFromSec;
  for (let pages = 0; pages < (o.maxPagesPerRound ?? 50); pages++) {
    const to = Math.floor(Date.now() / 1000) - (o.recordsOffsetSec ?? 60);
    if (from > to) break;
    const answer = await ask(deps, operationalDataRequest(o.client, target, from, to));
    const page = parseOperationalDataResponse(answer.body, answer.contentType);
    const parsed = parseRecords(page.json);
    const docsInPage = new Set<string>();
    const ctx: ExchangeContext = {
      documentServices,
      agencyOf: deps.agencyOf,
      alreadySent: (docId) => docsInPage.has(docId) || store.hasDocument(docId),
    };
    const counters: Record<string, number> = {
      records: parsed.records.length,
      records_set_aside: parsed.rejected.length,
      unknown_fields: parsed.unknownFields,
      older_field_names: parsed.olderNames,
    };
    const commit: PageCommit['exchanges'][number][] = [];
    for (const record of parsed.records) {
      const outcome = exchangeEvents(record, ctx);
      if (outcome.kind === 'skipped') {
        counters[`skipped_${outcome.reason}`] = (counters[`skipped_${outcome.reason}`] ?? 0) + 1;
        continue;
      }
      docsInPage.add(outcome.docId);
      commit.push({ key: exchangeKey(record), t: record.requestInTs, docId: outcome.docId, events: outcome.events });
    }
    const next = page.nextRecordsFrom ?? to + 1;
    const stored = store.commitPage({
      server: target.id,
      recordsFrom: Math.max(from, next),
      exchanges: commit,
      setAside: parsed.rejected,
      counters,
    });
    if (stored.length) deps.publish(stored);
    if (parsed.rejected.length) deps.setAside(target.id, parsed.rejected.length, parsed.rejected[0]!.reason);
    if (page.nextRecordsFrom === undefined || page.recordsCount === 0 || next <= from) break;
    from = next;
  }
}

/** One round; throws (with the reason) when the server or the way to it fails. */
export async function pollRound(target: ServerTarget, deps: PollerDeps, withCertificates: boolean) {
  const health = await ask(deps, healthDataRequest(deps.o.client, target));
  const summary = parseHealthData(health.body.toString('utf8'));
  await pollOperationalData(target, deps);
  const metrics = withCertificates ? await ask(deps, metricsRequest(deps.o.client, target)) : undefined;
  const certificateExpiresAt = metrics && certificateExpiry(parseCertificates(metrics.body.toString('utf8')));
  const concern = healthConcern(summary);
  return {
    latencyMs: Math.round(health.latencyMs * 10) / 10,
    ...(concern && { concern }),
    ...(certificateExpiresAt && { certificateExpiresAt }),
  };
}
