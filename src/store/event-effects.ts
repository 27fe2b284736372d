import type Database from 'better-sqlite3';
import type { MessageOf, UnknownMessage } from '../protocol/index.js';
import type { AgencyIds } from './agency-ids.js';
import { DeadlineChanges } from './deadline-changes.js';
import { DocCounts } from './doc-marks.js';
import { DocumentEffects } from './document-effects.js';
import type { Durable } from './event-intake.js';
import { RegistryEffects } from './registry-effects.js';
import type { RollupAccumulator } from './rollup-accumulator.js';

/**
 * Turns each newly stored event (only then, so a replayed one changes nothing) into what it
 * changes: rollup counts, documents, deliveries and deadlines (when `derive`: in seq order),
 * the registry and server state.
 */
export class EventEffects {
  private readonly counts: DocCounts;
  readonly documents: DocumentEffects;
  private readonly deadlines: DeadlineChanges;
  private readonly registry: RegistryEffects;

  constructor(db: Database.Database, agencies: AgencyIds, minutes: RollupAccumulator) {
    this.registry = new RegistryEffects(db, agencies);
    this.counts = new DocCounts(db, agencies, minutes);
    this.deadlines = new DeadlineChanges(db);
    this.documents = new DocumentEffects(db, agencies, this.deadlines);
  }

  apply(m: Exclude<Durable, UnknownMessage>, ts: number, stream: number, derive: boolean): void {
    switch (m.type) {
      case 'document.sent':
      case 'document.delivered':
      case 'document.failed':
      case 'status.reported':
      case 'document.replied':
        this.counts.count(m, ts, stream);
        if (derive) this.documents.derive(m, ts, stream);
        return;
      case 'signature.verified':
        return this.counts.count(m, ts, stream);
      case 'server.heartbeat':
        return this.registry.heartbeat(m, ts);
      case 'server.state':
        return this.registry.state(m as MessageOf<'server.state'>, ts, stream);
      case 'agency.upsert':
        return this.registry.agency(m.data.agency);
      case 'agency.removed':
        return this.registry.removeAgency(m.data.id, ts);
      case 'server.upsert':
        return this.registry.server(m.data.server);
    }
  }

  /** The hub's whole registry: every agency and security server it lists. */
  registrySnapshot(m: MessageOf<'registry.snapshot'>): void {
    for (const a of m.data.agencies) this.registry.agency(a);
    for (const s of m.data.securityServers) this.registry.server(s);
  }

  /** Writes what was gathered per batch; returns the recipients whose deadline counts it wrote. */
  flush(): number[] {
    // Deliveries first: the deadline counts' oldest-open lookup reads them.
    this.documents.flush();
    this.registry.flush();
    return this.deadlines.flush();
  }

  /** After a rolled-back transaction: forget everything that may name undone rows. */
  reset(): void {
    this.registry.clear();
    this.deadlines.clear();
    this.documents.reset();
    this.counts.reset();
  }
}
