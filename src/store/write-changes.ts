/**
 * What one committed write changed, told to a reader in the same process that keeps rows of the cache in memory
 * (`metrics/live-rollups.ts`). The writer is the only writer of a cache file (the writer lock), so in its process these
 * pushes are the whole story.
 *
 * The rule, the one contract between the writer and such a reader: after every committed transaction that wrote
 * anything a reader keeps, the writer calls each listener once, after the commit, with
 * - `minutes`: every minute whose `rollup_minute` rows the transaction wrote;
 * - `hours`: every hour whose `rollup_hour` rows or `hour_packs` row it wrote (folded, or a late event packed anew);
 * - `recipients`: every agency whose `deadline_counts` row, or whose open reply deadlines (deliveries with a reply-by
 *   and no answer), it changed;
 * - `registry`: true when it changed the listed agencies or security servers;
 * - `prunedBefore`: after retention, the minute and the hour before which rollup rows may be gone.
 * A reader drops (or reads again) exactly those keys; everything else it holds is still what SQLite holds. A
 * rolled-back transaction tells nothing.
 */
export interface WriteChanges {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly recipients: ReadonlySet<number>;
  readonly registry: boolean;
  readonly prunedBefore: { readonly minute: number; readonly hour: number } | null;
}

/** Told after each committed write; see {@link WriteChanges} for what it is told. */
export type WriteListener = (changes: WriteChanges) => void;

/** What a transaction in progress has changed so far (see {@link WriteChanges}). */
export class ChangeSet {
  minutes = new Set<number>();
  hours = new Set<number>();
  recipients = new Set<number>();
  registry = false;

  addRecipients(ids: Iterable<number>): void {
    for (const id of ids) this.recipients.add(id);
  }

  /** What was gathered, emptied for the next transaction; null when nothing changed. */
  take(): WriteChanges | null {
    const { minutes, hours, recipients, registry } = this;
    const empty = !registry && minutes.size + hours.size + recipients.size === 0;
    const out = empty ? null : { minutes, hours, recipients, registry, prunedBefore: null };
    this.clear();
    return out;
  }

  clear(): void {
    this.minutes = new Set();
    this.hours = new Set();
    this.recipients = new Set();
    this.registry = false;
  }
}
