import type Database from 'better-sqlite3';
import { columnEnd, firstColumn, unpackWords } from '../store/hour-packs.js';
import { COL, ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import type { NationalPart } from './minute-cache.js';
import { Tally } from './tally.js';

/** One folded hour's sent and received per agency, for the sparklines. */
export interface HourTraffic {
  readonly hour: number;
  /** Agency ids, ascending. */
  readonly agencies: Int32Array;
  readonly sent: Float64Array;
  readonly received: Float64Array;
}

/** Results kept: a few metrics, each with its window and the same window a week earlier. */
const ENTRIES = 16;
/** Hour packs kept: a day's window and the same day a week earlier, twice over. */
const HOURS_KEPT = 100;

/** Where column c's pairs start in a pack, or −1 when it has none (see `store/hour-packs.ts`). */
function columnAt(words: Int32Array, c: number): number {
  for (let i = firstColumn(words); i < words.length; i = columnEnd(words, i)) if (words[i] === c) return i + 2;
  return -1;
}

/** Column c's counts of a pack into `into`, at each agency's place in `agencies` (ascending, all of the pack's). */
function fillColumn(words: Int32Array, c: number, agencies: Int32Array, into: Float64Array): void {
  const at = columnAt(words, c);
  if (at < 0) return;
  const end = columnEnd(words, at - 2);
  let r = 0;
  for (let j = at; j < end; j += 2) {
    while (r < agencies.length && agencies[r]! < words[j]!) r++;
    if (agencies[r] === words[j]) into[r] = words[j + 1]!;
  }
}

/** Each rollup column's place among `columns`, or −1 for one not asked for. */
function slotsOf(columns: readonly RollupColumn[]): Int32Array {
  const slotOf = new Int32Array(ROLLUP_COLUMNS.length).fill(-1);
  columns.forEach((c, k) => (slotOf[ROLLUP_COLUMNS.indexOf(c)] = k));
  return slotOf;
}

/**
 * What this process last read of the folded hours. A 24-hour window spans ~22 folded hours of
 * up to 12,000 agencies. The writer packs each folded hour into one row of `hour_packs` (see
 * `store/hour-packs.ts`), so a window reads ~22 blobs; the packs are kept here by hour, and a
 * lookup reads again only the hours whose `rev` moved (a late event, packed anew) and drops
 * those retention removed. Each result is kept too, until the revs of its hours change.
 */
export class HourCache {
  private readonly packs = new Map<number, { rev: number; words: Int32Array }>();
  private readonly results = new Map<string, { version: string; value: unknown }>();
  private readonly revs;
  private readonly pack;

  constructor(db: Database.Database) {
    this.revs = db.prepare('SELECT hour, rev FROM hour_packs WHERE hour BETWEEN ? AND ?').raw();
    this.pack = db.prepare('SELECT rev, rows FROM hour_packs WHERE hour = ?');
  }

  /** Per agency, the sums of `columns` (in that order) over the hours h1..h2 (inclusive); do not modify. */
  sums(h1: number, h2: number, columns: readonly RollupColumn[]): Tally {
    return this.cached(`sums ${h1} ${h2} ${columns.join(',')}`, h1, h2, (hours) => {
      const slotOf = slotsOf(columns);
      const out = new Tally(columns.length);
      for (const words of hours) {
        // Every agency of the hour has data, whichever columns its counts are in.
        const start = firstColumn(words);
        for (let j = 1; j < start; j++) out.slot(words[j]!);
        for (let i = start; i < words.length; i = columnEnd(words, i)) {
          const k = slotOf[words[i]!] ?? -1;
          if (k < 0) continue;
          const end = columnEnd(words, i);
          for (let j = i + 2; j < end; j += 2) {
            const at = out.slot(words[j]!) + k;
            out.sums[at] = out.sums[at]! + words[j + 1]!;
          }
        }
      }
      return out;
    });
  }

  /**
   * The sums of `columns` (in that order) over every agency and the hours h1..h2 (inclusive),
   * with the agencies that have any of them; do not modify. The Overview's totals of a day
   * add the minutes at the window's edges to these.
   */
  national(h1: number, h2: number, columns: readonly RollupColumn[]): NationalPart {
    return this.cached(`national ${h1} ${h2} ${columns.join(',')}`, h1, h2, (hours) => {
      const slotOf = slotsOf(columns);
      const sums = new Array<number>(columns.length).fill(0);
      const active = new Set<number>();
      for (const words of hours) {
        for (let i = firstColumn(words); i < words.length; i = columnEnd(words, i)) {
          const k = slotOf[words[i]!] ?? -1;
          if (k < 0) continue;
          const end = columnEnd(words, i);
          for (let j = i + 2; j < end; j += 2) {
            if (words[j + 1] === 0) continue;
            sums[k]! += words[j + 1]!;
            active.add(words[j]!);
          }
        }
      }
      return { sums, active: Int32Array.from(active) };
    });
  }

  /**
   * Each hour of h1..h2 that holds rows, oldest first: sent and received per agency, for every
   * agency with a row in the hour (as `rollup_hour` lists them), whichever its counts.
   */
  traffic(h1: number, h2: number): readonly HourTraffic[] {
    return this.cached(`traffic ${h1} ${h2}`, h1, h2, (hours, numbers) =>
      hours.map((words, k) => {
        const agencies = words.slice(1, firstColumn(words));
        const sent = new Float64Array(agencies.length);
        const received = new Float64Array(agencies.length);
        fillColumn(words, COL.sent, agencies, sent);
        fillColumn(words, COL.received, agencies, received);
        return { hour: numbers[k]!, agencies, sent, received };
      }),
    );
  }

  private cached<T>(key: string, h1: number, h2: number, read: (hours: Int32Array[], numbers: number[]) => T): T {
    const revs = this.revs.all(h1, h2) as [number, number][];
    const version = revs.map((r) => `${r[0]}:${r[1]}`).join(',');
    const hit = this.results.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = read(
      revs.map(([hour, rev]) => this.hour(hour, rev)),
      revs.map((r) => r[0]),
    );
    this.results.delete(key);
    this.results.set(key, { version, value });
    if (this.results.size > ENTRIES) this.results.delete(this.results.keys().next().value!);
    return value;
  }

  /** An hour's pack at `rev`, kept or read; the least recently used beyond HOURS_KEPT go. */
  private hour(hour: number, rev: number): Int32Array {
    let kept = this.packs.get(hour);
    this.packs.delete(hour);
    if (!kept || kept.rev !== rev) {
      // Read with its own rev: the writer may have packed the hour again since (or retention
      // removed it: then it is empty, and the next lookup no longer lists it).
      const row = this.pack.get(hour) as { rev: number; rows: Buffer } | undefined;
      kept = row ? { rev: row.rev, words: unpackWords(row.rows) } : { rev: -1, words: new Int32Array(0) };
    }
    this.packs.set(hour, kept);
    if (this.packs.size > HOURS_KEPT) this.packs.delete(this.packs.keys().next().value!);
    return kept.words;
  }
}
