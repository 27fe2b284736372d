/** One polling round of one server: health data, operational data page by page from its cursor, now and then certificates. */
import { exchangeEvents, type ExchangeContext } from './exchange-events.js';
import type { EventStore, PageCommit, StoredEvent } from './event-store.js';
import { certificateExpiry, healthConcern, parseCertificates, parseHealthData } from './health-metrics.js';
import { exchangeKey, parseRecords } from './op-records.js';
import type { ServerTarget } from './registry-map.js';
import { postSoap, type SoapAnswer } from './soap-client.js';
import { healthDataRequest, metricsRequest, operationalDataRequest, type XRoadClient } from './soap-request.js';
import { parseOperationalDataResponse } from './soap-response.js';

export interface PollerDeps {
  readonly securityServerUrl: string;
  readonly client: XRoadClient;
  readonly timeoutMs: number;
  /** Seconds before now that X-Road may still be writing: never asked for. */
  readonly recordsOffsetSec: number;
  /** Where a server without a cursor starts (seconds). */
  readonly startFromSec: number;
  /** Most pages one round fetches, so one busy server cannot hold the others' events back. */
  readonly maxPagesPerRound: number;
  readonly store: EventStore;
  readonly context: () => Omit<ExchangeContext, 'alreadySent'>;
  /** Hands freshly numbered events to the serving side. */
  readonly publish: (events: readonly StoredEvent[]) => void;
  /** Told when records of a page are set aside (counted and kept in the file besides). */
  readonly setAside?: (server: string, count: number, firstReason: string) => void;
  readonly now: () => number;
}

interface RoundResult {
  readonly latencyMs: number;
  readonly concern?: string;
  /** Set when the certificates were read this round. */
  readonly certificateExpiresAt?: string;
}

async function ask(deps: PollerDeps, envelope: string): Promise<SoapAnswer> {
  return postSoap(deps.securityServerUrl, envelope, deps.timeoutMs);
}

/** Fetches and commits operational data pages until the server has nothing newer. */
async function pollOperationalData(target: ServerTarget, deps: PollerDeps): Promise<void> {
  const { store } = deps;
  let from = store.cursor(target.id) ?? deps.startFromSec;
  for (let pages = 0; pages < deps.maxPagesPerRound; pages++) {
    const to = Math.floor(deps.now() / 1000) - deps.recordsOffsetSec;
    if (from > to) break;
    const answer = await ask(deps, operationalDataRequest(deps.client, target, from, to));
    const page = parseOperationalDataResponse(answer.body, answer.contentType);
    const parsed = parseRecords(page.json);
    const ctx = deps.context();
    const docsInPage = new Set<string>();
    const counters: Record<string, number> = {
      records: parsed.records.length,
      records_set_aside: parsed.rejected.length,
      unknown_fields: parsed.unknownFields,
      older_field_names: parsed.olderNames,
    };
    const commit: PageCommit['exchanges'][number][] = [];
    for (const record of parsed.records) {
      const outcome = exchangeEvents(record, {
        ...ctx,
        alreadySent: (docId) => docsInPage.has(docId) || store.hasDocument(docId),
      });
      if (outcome.kind === 'skipped') {
        counters[`skipped_${outcome.reason}`] = (counters[`skipped_${outcome.reason}`] ?? 0) + 1;
        continue;
      }
      docsInPage.add(outcome.docId);
      commit.push({ key: exchangeKey(record), t: record.requestInTs, docId: outcome.docId, events: outcome.events });
    }
    const next = page.nextRecordsFrom ?? to + 1;
    const { stored } = store.commitPage({
      server: target.id,
      recordsFrom: Math.max(from, next),
      exchanges: commit,
      setAside: parsed.rejected,
      counters,
    });
    if (stored.length) deps.publish(stored);
    if (parsed.rejected.length) deps.setAside?.(target.id, parsed.rejected.length, parsed.rejected[0]!.reason);
    if (page.nextRecordsFrom === undefined || page.recordsCount === 0 || next <= from) break;
    from = next;
  }
}

/** One round; throws (with the reason) when the server or the way to it fails. */
export async function pollRound(
  target: ServerTarget,
  deps: PollerDeps,
  withCertificates: boolean,
): Promise<RoundResult> {
  const health = await ask(deps, healthDataRequest(deps.client, target));
  const summary = parseHealthData(health.body.toString('utf8'));
  await pollOperationalData(target, deps);
  let certificateExpiresAt: string | undefined;
  if (withCertificates) {
    const metrics = await ask(deps, metricsRequest(deps.client, target));
    certificateExpiresAt = certificateExpiry(parseCertificates(metrics.body.toString('utf8')));
  }
  const concern = healthConcern(summary);
  return {
    latencyMs: Math.round(health.latencyMs * 10) / 10,
    ...(concern && { concern }),
    ...(certificateExpiresAt && { certificateExpiresAt }),
  };
}
