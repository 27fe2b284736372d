import type Database from 'better-sqlite3';
import type { Rejection } from '../protocol/index.js';
import { setAside } from './event-intake.js';
import { Prepared } from './multi-row.js';

/** Agency ids stay below this: keys pack (time unit, agency) into one safe integer. */
export const AGENCY_ID_LIMIT = 1 << 22;

/** Why an agency is refused: the id space is full. */
const agencyLimitDetail = (code: string): string =>
  `agency ${JSON.stringify(code)}: the cache holds at most ${AGENCY_ID_LIMIT - 1} agencies`;

/**
 * Agency codes (13 bytes, in millions of rows) ↔ the small integers the rollups and derived
 * tables store; a code the registry has not listed is added, so no event is dropped for it.
 */
export class AgencyIds extends Prepared {
  private readonly byCode = new Map<string, number>();
  private readonly byId = new Map<number, string>();
  private readonly insert = this.db.prepare<[string], { id: number }>(
    'INSERT INTO agencies (code) VALUES (?) RETURNING id',
  );
  private max = 0;

  constructor(db: Database.Database) {
    super(db);
    this.reload();
  }

  /** Reads the mapping again: agencies another process added, or none a rolled-back transaction added. */
  reload(): void {
    this.byCode.clear();
    this.byId.clear();
    this.max = 0;
    // As one JSON text, parsed at once: cheaper than a row object each for 12,000 agencies.
    const rows = JSON.parse(
      this.db
        .prepare("SELECT coalesce(json_group_array(json_array(id, code)), '[]') FROM agencies")
        .pluck()
        .get() as string,
    ) as [number, string][];
    for (let i = 0; i < rows.length; i++) this.remember(rows[i]![0], rows[i]![1]);
  }

  private remember(id: number, code: string): number {
    this.byCode.set(code, id);
    this.byId.set(id, code);
    if (id > this.max) this.max = id;
    return id;
  }

  /** The id of a code, created if new; only inside a write transaction. */
  idOf(code: string): number {
    const known = this.byCode.get(code);
    if (known !== undefined) return known;
    if (this.max >= AGENCY_ID_LIMIT - 1) throw new Error(agencyLimitDetail(code));
    return this.remember(this.insert.get(code)!.id, code);
  }

  /** The id of a code if the cache has seen it. */
  find(code: string): number | undefined {
    const id = this.byCode.get(code);
    if (id !== undefined) return id;
    this.reload();
    return this.byCode.get(code);
  }

  codeOf(id: number): string {
    const code = this.byId.get(id);
    if (code !== undefined) return code;
    this.reload();
    return this.byId.get(id) ?? `#${id}`;
  }

  maxId(): number {
    return this.max;
  }

  room(): number {
    return AGENCY_ID_LIMIT - 1 - this.max;
  }

  /** The rejection of a message whose new codes would take ids at or past {@link AGENCY_ID_LIMIT}; null if they fit. */
  refusal(m: { readonly seq: number; readonly type: string }, codes: readonly string[]): Rejection | null {
    if (new Set(codes.filter((c) => !this.byCode.has(c))).size <= this.room()) return null;
    const fresh = codes.find((c) => this.find(c) === undefined) ?? codes[0] ?? '';
    return setAside(m, 'agency_limit', agencyLimitDetail(fresh));
  }
}
