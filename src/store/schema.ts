import { BLOCK_EVENTS } from './event-log.js';
import { ROLLUP_COLUMNS } from './rollup-columns.js';
import type { Migration } from './migrations.js';
import { DOC_MARKS_TABLE } from './doc-marks.js';
import { ENDED_DELIVERIES_TABLE } from './history-end.js';
import { SIGNATURE_RESULTS } from '../protocol/index.js';

/** Rollup columns that schema step store/7 adds. */
const COLUMNS_OF_V7: ReadonlySet<string> = new Set(['sig_checked', 'sig_failed', 'dup_received']);

const rollupTable = (name: string, unit: string): string => `
  CREATE TABLE ${name} (
    ${unit} INTEGER NOT NULL,
    agency INTEGER NOT NULL,
    ${ROLLUP_COLUMNS.filter((c) => !COLUMNS_OF_V7.has(c))
      .map((c) => `${c} INTEGER NOT NULL DEFAULT 0`)
      .join(',\n    ')},
    PRIMARY KEY (${unit}, agency)
  ) WITHOUT ROWID;`;

/**
 * Version 1. Events are keyed by (stream, seq), a stream being one epoch of one hub. The derived
 * tables' partial indexes hold exactly the rows a screen counts (pending deliveries, open
 * deadlines…) with the columns of their own condition, so counting never touches the table.
 */
const v1 = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
  CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE streams (
    id INTEGER PRIMARY KEY,
    hub_id TEXT NOT NULL,
    epoch TEXT NOT NULL,
    hub_name TEXT,
    first_seen INTEGER NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    newest_ts INTEGER,
    UNIQUE (hub_id, epoch)
  );

  CREATE TABLE events (
    stream INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    type TEXT NOT NULL,
    agency INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY (stream, seq)
  ) WITHOUT ROWID;
  CREATE INDEX events_by_agency ON events (agency, ts) WHERE agency IS NOT NULL;

  CREATE TABLE gaps (
    stream INTEGER NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    reason TEXT NOT NULL,
    noticed_at INTEGER NOT NULL,
    PRIMARY KEY (stream, from_seq)
  ) WITHOUT ROWID;

  CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    raw TEXT NOT NULL,
    seq INTEGER,
    type TEXT,
    stream INTEGER
  );

  CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT,
    level INTEGER,
    parent TEXT,
    connection TEXT,
    server TEXT,
    listed INTEGER NOT NULL DEFAULT 0,
    removed_at INTEGER
  );

  CREATE TABLE servers (
    id TEXT PRIMARY KEY,
    name TEXT,
    cert_expires INTEGER,
    listed INTEGER NOT NULL DEFAULT 0,
    state TEXT,
    since INTEGER,
    last_heartbeat INTEGER,
    latency_ms REAL
  ) WITHOUT ROWID;

  CREATE TABLE server_transitions (
    server TEXT NOT NULL,
    at INTEGER NOT NULL,
    stream INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (server, at, stream, seq)
  ) WITHOUT ROWID;
  ${rollupTable('rollup_minute', 'minute')}
  ${rollupTable('rollup_hour', 'hour')}

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    sender INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    reply_by INTEGER,
    subject TEXT,
    recipients INTEGER NOT NULL,
    sends INTEGER NOT NULL DEFAULT 1
  );

  CREATE TABLE deliveries (
    doc INTEGER NOT NULL,
    recipient INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    reply_by INTEGER,
    delivered_at INTEGER,
    failed_at INTEGER,
    fail_reason TEXT,
    statuses INTEGER NOT NULL DEFAULT 0,
    arrived_at INTEGER,
    accepted_at INTEGER,
    answered_at INTEGER,
    PRIMARY KEY (doc, recipient)
  ) WITHOUT ROWID;
  CREATE INDEX deliveries_pending ON deliveries (sent_at, recipient, delivered_at, failed_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
  CREATE INDEX deliveries_unreported ON deliveries (delivered_at, recipient, statuses)
    WHERE statuses = 0 AND delivered_at IS NOT NULL;
  CREATE INDEX deliveries_open_deadline ON deliveries (recipient, reply_by, answered_at)
    WHERE reply_by IS NOT NULL AND answered_at IS NULL;
  CREATE INDEX deliveries_open_by_due ON deliveries (reply_by, answered_at)
    WHERE reply_by IS NOT NULL AND answered_at IS NULL;
  CREATE INDEX deliveries_accepted ON deliveries (accepted_at, recipient, arrived_at)
    WHERE accepted_at IS NOT NULL AND arrived_at IS NOT NULL;

  -- Per recipient: deadlines answered on time / late, and the open ones (count and oldest
  -- reply-by), kept on ingest so that no screen has to scan every open deadline.
  CREATE TABLE deadline_counts (
    agency INTEGER PRIMARY KEY,
    on_time INTEGER NOT NULL DEFAULT 0,
    late INTEGER NOT NULL DEFAULT 0,
    open INTEGER NOT NULL DEFAULT 0,
    oldest_open INTEGER
  );
`;

/** Version 2 added a counter for readers of an earlier design (dropped by store/8). */
const v2 = `INSERT OR IGNORE INTO counters (name, n) VALUES ('late_minute_rows', 0);`;

/**
 * Version 3 stores raw events in blocks (`event-log.ts`), cut wherever seqs are not consecutive,
 * with one row per event in `event_agencies` in place of the events' index. The view `events`
 * shows the blocks' rows for inspection with sqlite3; the console never reads through it.
 */
const v3 = `
  CREATE TABLE event_blocks (
    stream INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    last_ts INTEGER NOT NULL,
    events TEXT NOT NULL,
    PRIMARY KEY (stream, first_seq)
  );
  CREATE TABLE event_agencies (
    agency INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    stream INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (agency, ts, stream, seq)
  ) WITHOUT ROWID;

  INSERT INTO event_agencies (agency, ts, stream, seq)
    SELECT agency, ts, stream, seq FROM events WHERE agency IS NOT NULL;
  INSERT INTO event_blocks (stream, first_seq, last_seq, last_ts, events)
    SELECT stream, min(seq), max(seq), max(ts), json_group_array(json_array(seq, ts, type, json(data)) ORDER BY seq)
    FROM (
      SELECT stream, seq, ts, type, data,
        seq - row_number() OVER w AS run, (row_number() OVER w - 1) / ${BLOCK_EVENTS} AS chunk
      FROM events WINDOW w AS (PARTITION BY stream ORDER BY seq)
    )
    GROUP BY stream, run, chunk;
  DROP TABLE events;

  CREATE VIEW events (stream, seq, ts, type, data) AS
    SELECT b.stream, e.value ->> 0, e.value ->> 1, e.value ->> 2, e.value -> 3
    FROM event_blocks b, json_each(b.events) e;
`;

/** Version 4: how far each stream's documents are derived (`derived_seq`); existing files are derived to the end. */
const v4 = `
  ALTER TABLE streams ADD COLUMN derived_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE streams SET derived_seq = last_seq;
`;

/**
 * Version 5 packs each folded hour's rollup rows into one row of `hour_packs` (`hour-packs.ts`).
 * Hours folded before are packed when the cache opens, after the last step (`packsCurrent`).
 */
const v5 = `
  CREATE TABLE hour_packs (hour INTEGER PRIMARY KEY, rev INTEGER NOT NULL, rows BLOB NOT NULL);
  INSERT OR IGNORE INTO counters (name, n) VALUES ('hour_packs', 0);
`;

/** Version 6 stamped `deadline_counts` rows for readers of an earlier design (dropped by store/8). */
const v6 = `
  ALTER TABLE deadline_counts ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX deadline_counts_by_rev ON deadline_counts (rev);
  INSERT OR IGNORE INTO counters (name, n) VALUES ('deadline_counts', 0);
`;

const SIG_FAILS = SIGNATURE_RESULTS.filter((r) => r !== 'valid').map((r) => `sig_${r}`);
const v7Rollup = (t: string): string => `
  ${[...COLUMNS_OF_V7].map((c) => `ALTER TABLE ${t} ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0;`).join('\n  ')}
  UPDATE ${t} SET sig_failed = ${SIG_FAILS.join(' + ')}, sig_checked = sig_valid + ${SIG_FAILS.join(' + ')};`;

/**
 * Version 7 counts documents, not events (docs/FIGURES.md): `doc_marks`, and rollups of documents
 * checked, failed a check, and delivered again. Rows counted before the step take their checks
 * as their checked and failed documents, the nearest they can say.
 */
const v7 = `
  ${DOC_MARKS_TABLE}
  -- Follow-ups (delivered, failed, status, replied) of documents not sent yet, derived when
  -- the document is: the order events are stored in does not change the derived rows.
  CREATE TABLE held_events (
    doc_id TEXT NOT NULL,
    stream INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, stream, seq)
  ) WITHOUT ROWID;
  ${ENDED_DELIVERIES_TABLE}
  -- The history (stream) each document belongs to; documents stored before this step are
  -- taken as the current history's.
  ALTER TABLE documents ADD COLUMN stream INTEGER;
  UPDATE documents SET stream = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'current_stream');
  ${v7Rollup('rollup_minute')}${v7Rollup('rollup_hour')}
`;

/** Version 8 drops the stamps kept for readers of an earlier design: they are told what changed (write-changes.ts). */
const v8 = `
  DELETE FROM counters WHERE name IN ('late_minute_rows', 'late_hour_rows', 'registry_version', 'deadline_counts', 'hour_packs');
  DROP INDEX deadline_counts_by_rev;
  ALTER TABLE deadline_counts DROP COLUMN rev;
  ALTER TABLE hour_packs DROP COLUMN rev;
`;

/** The cache's own schema steps, `store/1` to `store/8`; `user_version` counts how many have run. */
export const CORE_MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8].map((sql, i) => ({
  id: `store/${i + 1}`,
  up: (db) => db.exec(sql),
}));
