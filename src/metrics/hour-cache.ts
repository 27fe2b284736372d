import type Database from 'better-sqlite3';
import { countBelow, packedLength, unpackWords } from '../store/hour-packs.js';
import { COL, ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';

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

const SENT_BIT = 1 << COL.sent;
const RECEIVED_BIT = 1 << COL.received;

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

  /** Per agency, the sums of `columns` over the hours h1..h2 (inclusive); do not modify. */
  sums(h1: number, h2: number, columns: readonly RollupColumn[]): ReadonlyMap<number, readonly number[]> {
    return this.cached(`sums ${h1} ${h2} ${columns.join(',')}`, h1, h2, (hours) => {
      const at = columns.map((c) => ROLLUP_COLUMNS.indexOf(c));
      let wanted = 0;
      for (const c of at) wanted |= 1 << c;
      const out = new Map<number, number[]>();
      for (const words of hours) {
        for (let i = 0; i < words.length;) {
          const agency = words[i]!;
          const mask = words[i + 1]!;
          const base = i + 2;
          i += packedLength(mask);
          if ((mask & wanted) === 0) continue;
          let sums = out.get(agency);
          if (!sums) out.set(agency, (sums = new Array<number>(at.length).fill(0)));
          for (let k = 0; k < at.length; k++) {
            const c = at[k]!;
            if (mask & (1 << c)) sums[k] = sums[k]! + words[base + countBelow(mask, c)]!;
          }
        }
      }
      return out;
    });
  }

  /** Each hour of h1..h2 that holds rows, oldest first: sent and received per agency. */
  traffic(h1: number, h2: number): readonly HourTraffic[] {
    return this.cached(`traffic ${h1} ${h2}`, h1, h2, (hours, numbers) => {
      const out: HourTraffic[] = [];
      hours.forEach((words, k) => {
        let n = 0;
        for (let i = 0; i < words.length; i += packedLength(words[i + 1]!)) n++;
        const t = {
          hour: numbers[k]!,
          agencies: new Int32Array(n),
          sent: new Float64Array(n),
          received: new Float64Array(n),
        };
        let r = 0;
        for (let i = 0; i < words.length; r++) {
          const mask = words[i + 1]!;
          t.agencies[r] = words[i]!;
          if (mask & SENT_BIT) t.sent[r] = words[i + 2 + countBelow(mask, COL.sent)]!;
          if (mask & RECEIVED_BIT) t.received[r] = words[i + 2 + countBelow(mask, COL.received)]!;
          i += packedLength(mask);
        }
        out.push(t);
      });
      return out;
    });
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
