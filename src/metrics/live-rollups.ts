import type Database from 'better-sqlite3';
import type { AgencyIds } from '../store/agency-ids.js';
import type { WriteChanges } from '../store/index.js';
import {
  SqliteRollups,
  type Ahead,
  type DeadlineCount,
  type HourPack,
  type MinuteRows,
  type RegistrySnapshot,
  type RollupRows,
} from './rollup-rows.js';

/**
 * Rows of minutes kept, least recently used dropped first: ~10 MB at most. A national minute holds 100–200 rows at
 * peak: well over what the windows on screen read (the last two hours, a day's start, the same a week earlier).
 */
const KEPT_ROWS = 100_000;
/** Folded hours kept: a day's window and the same day a week earlier, twice over. */
const HOURS_KEPT = 100;
/** Sums of hours kept: a few figures, each over its window and the same window a week earlier. */
const SUMS_KEPT = 16;
/** Past this many changed recipients, one full read of the deadlines costs less. */
const FULL_READ_ABOVE = 2_000;
const DAY = 86_400_000;
const NO_PACK = new Int32Array(0);

/**
 * The live model: the rows of `SqliteRollups`, kept in the process that writes the cache and told by its writer what
 * each committed write changed (`store/write-changes.ts`, which states the rule). Each thing is read from SQLite the
 * first time it is asked for, then kept until the writer names it: minutes and hours are dropped and read again when
 * next asked (and the sums of hours over a range holding a changed one); deadline counts and the deadlines not yet due
 * are read again for the recipients named; the registry is read again when it changed. Between writes the deadlines not
 * yet due move with the clock: those that fell due leave, those that came within 24 hours join the soon-due ones.
 */
export class LiveRollups implements RollupRows {
  private readonly sqlite: SqliteRollups;
  private readonly kept = new Map<number, MinuteRows>();
  private keptRows = 0;
  private readonly packs = new Map<number, Int32Array>();
  private readonly summed = new Map<string, { h1: number; h2: number; value: unknown }>();
  private counts: Map<number, DeadlineCount> | null = null;
  private readonly countsChanged = new Set<number>();
  private ahead = new Map<number, [number, number]>();
  /** The instant `ahead` is as of; null before its first read. */
  private aheadAt: number | null = null;
  private readonly aheadChanged = new Set<number>();
  private snapshot: RegistrySnapshot | null = null;

  constructor(
    db: Database.Database,
    ids: AgencyIds,
    /** Past this many recipients changed since the last read, the deadlines ahead are read whole. */
    private readonly fullReadAbove = FULL_READ_ABOVE,
  ) {
    this.sqlite = new SqliteRollups(db, ids);
  }

  /** Drops what a committed write changed (see `WriteChanges`). */
  changed(c: WriteChanges): void {
    for (const m of c.minutes) this.dropMinute(m);
    for (const h of c.hours) this.packs.delete(h);
    if (c.hours.size > 0) this.dropSums((s) => [...c.hours].some((h) => h >= s.h1 && h <= s.h2));
    for (const r of c.recipients) {
      this.countsChanged.add(r);
      this.aheadChanged.add(r);
    }
    if (c.registry) this.snapshot = null;
    if (c.prunedBefore) {
      for (const m of this.kept.keys()) if (m < c.prunedBefore.minute) this.dropMinute(m);
      for (const h of this.packs.keys()) if (h < c.prunedBefore.hour) this.packs.delete(h);
      const hour = c.prunedBefore.hour;
      this.dropSums((s) => s.h1 < hour);
    }
  }

  minutes(m1: number, m2: number): MinuteRows[] {
    const out: MinuteRows[] = [];
    for (let m = m1; m <= m2;) {
      const kept = this.kept.get(m);
      if (kept) {
        // Most recently used: last in the map's order.
        this.kept.delete(m);
        this.kept.set(m, kept);
        out.push(kept);
        m++;
        continue;
      }
      // A run of minutes not kept, read in one range.
      let to = m;
      while (to < m2 && !this.kept.has(to + 1)) to++;
      for (const rows of this.sqlite.minutes(m, to)) {
        this.kept.set(m++, rows);
        this.keptRows += rows.agencies.length + 1;
        out.push(rows);
      }
    }
    // Beyond the budget, the least recently used go (not those just read: they came last).
    for (const m of this.kept.keys()) {
      if (this.keptRows <= KEPT_ROWS) break;
      this.dropMinute(m);
    }
    return out;
  }

  hours(h1: number, h2: number): HourPack[] {
    const out: HourPack[] = [];
    let missing = -1;
    for (let h = h1; h <= h2 && missing < 0; h++) if (!this.packs.has(h)) missing = h;
    if (missing >= 0) {
      // Every hour not kept up to h2, read in one range; an hour without rows is kept as such.
      const read = new Map(this.sqlite.hours(missing, h2).map((p) => [p.hour, p.words]));
      for (let h = missing; h <= h2; h++) if (!this.packs.has(h)) this.packs.set(h, read.get(h) ?? NO_PACK);
    }
    for (let h = h1; h <= h2; h++) {
      const words = this.packs.get(h)!;
      this.packs.delete(h);
      this.packs.set(h, words);
      if (words.length > 0) out.push({ hour: h, words });
    }
    for (const h of this.packs.keys()) {
      if (this.packs.size <= Math.max(HOURS_KEPT, h2 - h1 + 1)) break;
      this.packs.delete(h);
    }
    return out;
  }

  hoursSummed<T>(key: string, h1: number, h2: number, summarise: (packs: readonly HourPack[]) => T): T {
    const k = `${key} ${h1} ${h2}`;
    let kept = this.summed.get(k);
    this.summed.delete(k);
    kept ??= { h1, h2, value: summarise(this.hours(h1, h2)) };
    this.summed.set(k, kept);
    if (this.summed.size > SUMS_KEPT) this.summed.delete(this.summed.keys().next().value!);
    return kept.value as T;
  }

  deadlineCounts(): ReadonlyMap<number, DeadlineCount> {
    if (!this.counts) {
      this.counts = this.sqlite.deadlineCounts();
    } else if (this.countsChanged.size > 0) {
      const fresh = this.sqlite.deadlineCounts(JSON.stringify([...this.countsChanged]));
      for (const [agency, c] of fresh) this.counts.set(agency, c);
    }
    this.countsChanged.clear();
    return this.counts;
  }

  deadlinesAhead(now: number): ReadonlyMap<number, Ahead> {
    const at = this.aheadAt;
    // Moved partway when a read fails (a busy or failing file): the next read starts over.
    this.aheadAt = null;
    if (at === null || now < at || this.aheadChanged.size > this.fullReadAbove) {
      this.ahead = this.sqlite.deadlinesAhead(now);
    } else {
      if (now > at) {
        // Fell due since the last read: no longer ahead, nor soon.
        for (const agency of this.sqlite.dueBetween(at, now)) this.move(agency, -1, -1);
        // Came within 24 hours since the last read.
        for (const agency of this.sqlite.dueBetween(at + DAY, now + DAY)) this.move(agency, 0, 1);
      }
      if (this.aheadChanged.size > 0) {
        const ids = [...this.aheadChanged];
        for (const agency of ids) this.ahead.delete(agency);
        for (const [agency, n, soon] of this.sqlite.deadlinesAheadOf(now, JSON.stringify(ids)))
          if (n > 0) this.ahead.set(agency, [n, soon]);
      }
    }
    this.aheadAt = now;
    this.aheadChanged.clear();
    return this.ahead;
  }

  registry(): RegistrySnapshot {
    return (this.snapshot ??= this.sqlite.registry());
  }

  /** Moves a recipient's kept entry (one not kept has nothing ahead, or is read again). */
  private move(agency: number, notYetDue: number, soon: number): void {
    const a = this.ahead.get(agency);
    if (!a) return;
    a[0] += notYetDue;
    a[1] += soon;
    // Only recipients with deadlines still ahead are kept.
    if (a[0] <= 0) this.ahead.delete(agency);
  }

  private dropSums(changed: (s: { h1: number; h2: number }) => boolean): void {
    for (const [k, s] of this.summed) if (changed(s)) this.summed.delete(k);
  }

  private dropMinute(m: number): void {
    const rows = this.kept.get(m);
    if (!rows) return;
    this.kept.delete(m);
    this.keptRows -= rows.agencies.length + 1;
  }
}
