/** What the console reads, as small typed surfaces handed in by the `console` command, a replay or a test. */
import type { Alert, Severity } from '../../alerts/types.js';
import type { IngestStatus as ClientStatus, IngestState } from '../../ingest/status.js';
import type { Metrics } from '../../metrics/types.js';

/** A cache this console only reads, and who writes it when the lock says. */
export interface ReadOnlyCache {
  readonly path: string | null;
  readonly writer: { readonly pid: number; readonly host: string } | null;
}

export type { IngestState };

/**
 * The ingest client's status in the console's terms: the client's own link state (one vocabulary), the time the hub
 * last said anything (not the newest event's age: a hub replaying old history is talking), and the standing notices.
 */
export const ingestStatus = (
  s: ClientStatus,
  demo: boolean,
  notices: readonly string[],
  readOnly: ReadOnlyCache | null,
) => ({
  /** The link as the ingest client has it (trực tiếp, đang đồng bộ, mất kết nối…). */
  state: s.state,
  /** Watching the built-in simulated hub (the header says DEMO). */
  demo,
  since: s.stateSince as number | null,
  /** When anything last arrived from the hub, heartbeats included. */
  lastMessageAt: s.lastMessageAt ?? null,
  /** Events the hub has announced that the cache does not hold yet; null before the hub said. */
  lagEvents: s.lagEvents ?? null,
  eventsPerSec: s.eventsPerSecond,
  /** Messages set aside since start (bản tin bị loại), and the latest one's reason. */
  rejections: s.counts.rejections,
  lastRejection: s.lastRejection ?? null,
  lastError: s.lastError?.message ?? null,
  nextAttemptAt: s.state === 'reconnecting' || s.state === 'offline' ? (s.nextAttemptAt ?? null) : null,
  /** The hub started a new history (epoch) while this console watched. */
  epochChange: s.epochChange ?? null,
  /** Another console writes the cache this one only reads: no link of its own. */
  readOnly,
  /** Problems to read at once that are not the link: a bad alert-thresholds file. */
  notices,
});

export type IngestStatus = Readonly<ReturnType<typeof ingestStatus>>;

/** The ingest status, and word of its changes. */
export type IngestStatusSource = { get(): IngestStatus; subscribe(listener: () => void): () => void };

/** A symptom folded under its cause (an agency behind a down security server). */
export interface FoldedAlertView {
  readonly id: string;
  /** Null for a server or hub-wide alert. */
  readonly agencyId: string | null;
  readonly subject: string;
  readonly summary: string;
  readonly severity: Severity;
}

/** One alert as the console lists it (cảnh báo): the engine's `Alert`, put in words. */
export interface AlertView extends FoldedAlertView {
  /** The engine's own record: phase, labels, acknowledgement, folded symptoms. */
  readonly alert?: Alert;
  readonly rule: string;
  /** Acknowledged (đã xác nhận) whatever its phase. */
  readonly state: 'firing' | 'pending' | 'acknowledged';
  /** When its condition began: a server's own `since`, a certificate's expiry, where the data says. */
  readonly since: number;
  /** The OS user of the console that acknowledged it. */
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: number | null;
  /** Symptoms folded under it, counted as "+N folded". */
  readonly folded: readonly FoldedAlertView[];
  /** As an incident (sự cố): acute (act now) or standing (one line per kind of long-running problem). */
  readonly kind?: 'acute' | 'standing';
  /** The agencies it affects: those behind the server, or the agency itself. */
  readonly agencies?: readonly string[];
  readonly serverId?: string | null;
  /** It began after the operator last looked at the list. */
  readonly fresh?: boolean;
  /** Marked with Space, to be acknowledged together. */
  readonly marked?: boolean;
}

export interface AlertsSource {
  list(now: number): readonly AlertView[];
  /** False when it is unknown or already acknowledged. */
  acknowledge(id: string, now: number): boolean;
  toggleMark?(id: string): void;
  /** Says the operator is looking at the list now: what begins later is shown as new. */
  looked?(now: number): void;
}

export type { ReplayControls as ReplaySource, ReplayStatus } from '../../record/replay-run.js';
import type { ReplayControls as ReplaySource } from '../../record/replay-run.js';

export interface ConsoleSources {
  readonly metrics: Metrics;
  readonly ingest: IngestStatusSource;
  readonly alerts: AlertsSource;
  readonly now: () => number;
  /** Only in `hubmon replay`: turns on the replay key bindings and the replay clock in the header. */
  readonly replay?: ReplaySource | undefined;
}

/** An ingest status for a console with no live link (tests, replays). */
export const idleIngest = (status: Partial<IngestStatus> = {}): IngestStatusSource => {
  const value: IngestStatus = {
    state: 'live',
    demo: false,
    since: null,
    lastMessageAt: null,
    lagEvents: 0,
    eventsPerSec: 0,
    rejections: 0,
    lastRejection: null,
    lastError: null,
    nextAttemptAt: null,
    epochChange: null,
    readOnly: null,
    notices: [],
    ...status,
  };
  return { get: () => value, subscribe: () => () => undefined };
};

/** An alerts surface with no rules, for a console started without the alert engine. */
export const noAlerts: AlertsSource = { list: () => [], acknowledge: () => false };
