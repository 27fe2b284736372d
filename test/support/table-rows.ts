import Database from 'better-sqlite3';

/**
 * A table's rows (or a subquery's, in parentheses) in a cache file, each as JSON, sorted: two
 * files compared row for row whatever order the rows were written in.
 */
export function rowSet(file: string, table: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  } finally {
    db.close();
  }
}

/** `deadline_counts` without `rev`, which numbers the writes, not what they wrote. */
export const DEADLINE_COUNTS = '(SELECT agency, on_time, late, open, oldest_open FROM deadline_counts)';

/** The tables a batch's events, documents, deliveries, deadlines, rollups and agency entries reach. */
export const DATA_TABLES = [
  'events',
  'event_agencies',
  'rollup_minute',
  'rollup_hour',
  'documents',
  'deliveries',
  DEADLINE_COUNTS,
  'servers',
  'server_transitions',
  'agencies',
] as const;
