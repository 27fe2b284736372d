import type Database from 'better-sqlite3';
import type { Agency } from '../protocol/index.js';
import type { AgencyIds } from '../store/agency-ids.js';
import { unpackWords } from '../store/hour-packs.js';
import { Prepared } from '../store/multi-row.js';
import { ROLLUP_COLUMNS } from '../store/rollup-columns.js';

/** One minute's rollup rows: every column of ROLLUP_COLUMNS, per agency. */
export interface MinuteRows {
  /** Agency ids, ascending. */
  readonly agencies: Int32Array;
  /** Row after row, ROLLUP_COLUMNS.length counts each. */
  readonly counts: Int32Array;
}

/** A folded hour's rows as packed in `hour_packs` (see `store/hour-packs.ts`). */
export type HourPack = { readonly hour: number; readonly words: Int32Array };

/** One recipient's deadline counts: answered on time, answered late, open, oldest open reply-by. */
export type DeadlineCount = readonly [onTime: number, late: number, open: number, oldestOpen: number | null];

/** Per recipient: open deadlines not yet due, and how many of them fall due within 24 hours. */
export type Ahead = readonly [notYetDue: number, dueWithin24h: number];

/** One line of a per-agency list: the agency's code and, if the cache knows it, its id. */
export type AgencyKey = { readonly code: string; readonly id: number | undefined };

/** The listed agencies, with what every per-agency list needs of them. */
export interface RegistrySnapshot {
  /** Sorted by code. */
  readonly agencies: readonly Agency[];
  /** 1 at each listed agency's id: a national list asks ~12,000 ids (a Set lookup each cost a tenth of the list). */
  readonly listed: Uint8Array;
  /** One key per listed agency, in code order: the rows of every unscoped per-agency list. */
  readonly keys: readonly AgencyKey[];
}

/**
 * The rows every per-agency figure is summed from. Two sources: `SqliteRollups` reads them afresh at every call
 * (`hubmon status`, `hubmon report`, a read-only console), `LiveRollups` keeps them in the process that writes the
 * cache, told by its writer what changed. Do not modify what they return.
 */
export interface RollupRows {
  /** Each minute of m1..m2 (inclusive), oldest first, empty ones too. */
  minutes(m1: number, m2: number): readonly MinuteRows[];
  /** Each folded hour of h1..h2 (inclusive) that has rows, oldest first. */
  hours(h1: number, h2: number): readonly HourPack[];
  /** `summarise` of `hours(h1, h2)`, `key` naming it: a source may keep the result until one of those hours changes. */
  hoursSummed<T>(key: string, h1: number, h2: number, summarise: (packs: readonly HourPack[]) => T): T;
  /** Every recipient's deadline counts, by agency id. */
  deadlineCounts(): ReadonlyMap<number, DeadlineCount>;
  /** Per recipient with any, its open deadlines not yet due as of `now`. */
  deadlinesAhead(now: number): ReadonlyMap<number, Ahead>;
  registry(): RegistrySnapshot;
}

const WIDTH = ROLLUP_COLUMNS.length;
const DAY = 86_400_000;
/** An open reply deadline: a delivery with a reply-by and no answer yet. */
const OPEN = 'reply_by IS NOT NULL AND answered_at IS NULL';
const COUNTS = `SELECT coalesce(json_group_array(json_array(agency, on_time, late, open, oldest_open)), '[]')
  FROM deadline_counts`;

/** Flags by agency id, 1 at each of `ids` (an undefined one skipped). */
export function idFlags(ids: readonly (number | undefined)[]): Uint8Array {
  let max = -1;
  for (const id of ids) if (id !== undefined && id > max) max = id;
  const flags = new Uint8Array(max + 1);
  for (const id of ids) if (id !== undefined) flags[id] = 1;
  return flags;
}

/**
 * The rows as SQLite holds them now, read at every call. Each read is one JSON text: a row handed over value by value
 * cost ~7 µs, and the first frame reads ~17,000 of them.
 */
export class SqliteRollups extends Prepared implements RollupRows {
  private readonly minuteRange = this.db
    .prepare<[number, number], string>(
      `SELECT coalesce(json_group_array(json_array(minute, agency, ${ROLLUP_COLUMNS.join(', ')})
         ORDER BY minute, agency), '[]')
       FROM rollup_minute WHERE minute BETWEEN ? AND ?`,
    )
    .pluck();
  private readonly packs = this.db.prepare<[number, number], [number, Buffer]>(
    'SELECT hour, rows FROM hour_packs WHERE hour BETWEEN ? AND ? ORDER BY hour',
  );
  private readonly counts = this.db.prepare<[], string>(COUNTS).pluck();
  private readonly countsOf = this.db
    .prepare<[string], string>(`${COUNTS} WHERE agency IN (SELECT value FROM json_each(?))`)
    .pluck();
  // Grouping in SQL sorts first: counted here from one JSON list, several times cheaper.
  private readonly aheadOf = this.db
    .prepare<{ now: number; soon: number; ids: string }, string>(
      `SELECT coalesce(json_group_array(json_array(recipient, n, soon)), '[]') FROM (
         SELECT recipient, count(*) n, sum(reply_by < @soon) soon FROM deliveries INDEXED BY deliveries_open_deadline
         WHERE recipient IN (SELECT value FROM json_each(@ids)) AND ${OPEN} AND reply_by >= @now GROUP BY recipient)`,
    )
    .pluck();
  private readonly due = this.db
    .prepare<{ from: number; to: number }, string>(
      `SELECT coalesce(json_group_array(recipient), '[]') FROM deliveries INDEXED BY deliveries_open_by_due
       WHERE ${OPEN} AND reply_by >= @from AND reply_by < @to`,
    )
    .pluck();
  private readonly listed = this.db
    .prepare<[], string>(
      `SELECT coalesce(json_group_array(json_object('id', code, 'name', name, 'level', level, 'parent', parent,
         'connection', connection, 'securityServer', server)), '[]')
       FROM agencies WHERE listed = 1 AND removed_at IS NULL`,
    )
    .pluck();

  constructor(
    db: Database.Database,
    private readonly ids: AgencyIds,
  ) {
    super(db);
  }

  minutes(m1: number, m2: number): MinuteRows[] {
    const rows = JSON.parse(this.minuteRange.get(m1, m2)!) as number[][];
    const out: MinuteRows[] = [];
    let i = 0;
    for (let m = m1; m <= m2; m++) {
      let end = i;
      while (end < rows.length && rows[end]![0] === m) end++;
      const agencies = new Int32Array(end - i);
      const counts = new Int32Array((end - i) * WIDTH);
      for (let r = 0; r < agencies.length; r++) {
        const row = rows[i + r]!;
        agencies[r] = row[1]!;
        // Copied by the typed array itself: a loop over each column ran unoptimised on the first frame, a quarter of
        // it.
        row.shift();
        row.shift();
        counts.set(row, r * WIDTH);
      }
      out.push({ agencies, counts });
      i = end;
    }
    return out;
  }

  hours(h1: number, h2: number): HourPack[] {
    return this.packs
      .raw()
      .all(h1, h2)
      .map(([hour, rows]) => ({ hour, words: unpackWords(rows) }));
  }

  hoursSummed<T>(_key: string, h1: number, h2: number, summarise: (packs: readonly HourPack[]) => T): T {
    return summarise(this.hours(h1, h2));
  }

  /** Every recipient's counts, or those of the recipients `ids` (a JSON list) that have a row. */
  deadlineCounts(ids?: string): Map<number, DeadlineCount> {
    const json = ids === undefined ? this.counts.get()! : this.countsOf.get(ids)!;
    const rows = JSON.parse(json) as [number, number, number, number, number | null][];
    const out = new Map<number, DeadlineCount>();
    // By index: the first read runs once, unoptimised, and destructuring goes through an iterator.
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      out.set(row[0], [row[1], row[2], row[3], row[4]]);
    }
    return out;
  }

  deadlinesAhead(now: number): Map<number, [number, number]> {
    const out = new Map<number, [number, number]>();
    const entry = (agency: number): [number, number] => {
      let a = out.get(agency);
      if (!a) out.set(agency, (a = [0, 0]));
      return a;
    };
    for (const agency of this.dueBetween(now, Number.MAX_SAFE_INTEGER)) entry(agency)[0]++;
    for (const agency of this.dueBetween(now, now + DAY)) entry(agency)[1]++;
    return out;
  }

  /** As `deadlinesAhead`, for the recipients `ids` (a JSON list) alone. */
  deadlinesAheadOf(now: number, ids: string): [number, number, number][] {
    return JSON.parse(this.aheadOf.get({ now, soon: now + DAY, ids })!) as [number, number, number][];
  }

  /** The recipient of each open deadline due in [from, to), once per deadline. */
  dueBetween(from: number, to: number): number[] {
    return JSON.parse(this.due.get({ from, to })!) as number[];
  }

  /** The registry as last read, handed out again while the same text reads back. */
  private lastRegistry: { text: string; maxId: number; snapshot: RegistrySnapshot } | null = null;

  registry(): RegistrySnapshot {
    const text = this.listed.get()!;
    const last = this.lastRegistry;
    // The same snapshot, so what the console built on the last one (indexes, models) stands.
    if (last && last.text === text && last.maxId === this.ids.maxId()) return last.snapshot;
    // Sorted here: cheaper than reading 12,000 rows through the code index.
    const agencies = (JSON.parse(text) as Agency[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const keys = agencies.map((a) => ({ code: a.id, id: this.ids.find(a.id) }));
    const snapshot = { agencies, listed: idFlags(keys.map((k) => k.id)), keys };
    this.lastRegistry = { text, maxId: this.ids.maxId(), snapshot };
    return snapshot;
  }
}
