/**
 * What the console reads, as small typed surfaces. It never opens a socket or a database
 * itself: the `console` command (or a test, or a replay) hands these in.
 */
import type { Alert, Severity } from '../../alerts/types.js';
import type { IngestState } from '../../ingest/status.js';
import type { Metrics } from '../../metrics/types.js';

/** A cache this console only reads, and who writes it when the lock says. */
export interface ReadOnlyCache {
  readonly path: string | null;
  readonly writer: { readonly pid: number; readonly host: string } | null;
}

/** The hub link in the ingest client's own words; see `IngestState` for what each means. */
export type { IngestState };

export interface IngestStatus {
  /** The link as the ingest client has it (trực tiếp, đang đồng bộ, mất kết nối…). */
  readonly state: IngestState;
  /** Watching the built-in simulated hub (the header says DEMO). */
  readonly demo: boolean;
  /** When the link entered its current state. */
  readonly since: number | null;
  /** When anything last arrived from the hub, heartbeats included (not the newest event's time). */
  readonly lastMessageAt: number | null;
  /** Events the hub has announced that the cache does not hold yet (newest seq − stored seq); null before the hub said. */
  readonly lagEvents: number | null;
  /** Events stored per second, averaged over the last few seconds. */
  readonly eventsPerSec: number;
  /** Messages set aside since start (bản tin bị loại), and the latest one's reason. */
  readonly rejections: number;
  readonly lastRejection: { readonly reason: string; readonly detail: string; readonly at: number } | null;
  /** The last connection or storage error, for the status line. */
  readonly lastError: string | null;
  /** When the next connection attempt is due, while reconnecting or offline. */
  readonly nextAttemptAt: number | null;
  /** The hub started a new history (epoch) while this console watched: from, to, when. */
  readonly epochChange: { readonly from: string; readonly to: string; readonly at: number } | null;
  /**
   * This console only reads the cache: another one writes it (its pid and host when known).
   * No link of its own; the figures are as fresh as the other console keeps them.
   */
  readonly readOnly: ReadOnlyCache | null;
  /** Problems to read at once that are not the link: a bad alert-thresholds file. */
  readonly notices: readonly string[];
}

/** Observable ingest status: read the current value; be told when it changes. */
export interface IngestStatusSource {
  get(): IngestStatus;
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export type AlertState = 'firing' | 'pending' | 'acknowledged';

/** A symptom folded under its cause (an agency behind a down security server). */
export interface FoldedAlertView {
  readonly id: string;
  /** The agency it is about, for drill-down. */
  readonly agencyId: string | null;
  readonly subject: string;
  readonly summary: string;
  readonly severity: Severity;
}

/** One alert as the console lists it (cảnh báo): the engine's `Alert`, put in words. */
export interface AlertView {
  readonly id: string;
  /** The engine's own record: phase, labels, acknowledgement, folded symptoms. */
  readonly alert?: Alert;
  readonly rule: string;
  readonly severity: Severity;
  /** Firing, pending, or acknowledged (đã xác nhận) whatever its phase. */
  readonly state: AlertState;
  /** The agency it is about, for drill-down; null for a server or hub-wide alert. */
  readonly agencyId: string | null;
  /** Agency or server it is about, as shown. */
  readonly subject: string;
  /** One line: what is wrong, with the figure. */
  readonly summary: string;
  /** When its condition began: a server's own `since`, a certificate's expiry, where the data says. */
  readonly since: number;
  /** Who acknowledged it (the OS user of the console that did) and when. */
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: number | null;
  /** Symptoms folded under it, shown as "+N folded" and listed with Enter. */
  readonly folded: readonly FoldedAlertView[];
  /**
   * As an incident (sự cố): acute (started, act now) or standing (one line per kind of
   * long-running problem); absent for a bare alert.
   */
  readonly kind?: 'acute' | 'standing';
  /** The agencies it affects: those behind the server, or the agency itself. */
  readonly agencies?: readonly string[];
  /** The security server it is about, for "the agencies behind it". */
  readonly serverId?: string | null;
  /** It began after the operator last looked at the list. */
  readonly fresh?: boolean;
  /** Marked with Space, to be acknowledged together. */
  readonly marked?: boolean;
}

/** The alert engine as the console uses it. */
export interface AlertsSource {
  list(now: number): readonly AlertView[];
  /** Marks an alert acknowledged; false when it is unknown or already acknowledged. */
  acknowledge(id: string, now: number): boolean;
  /** Marks or unmarks one row for a later acknowledgement of all the marked ones. */
  toggleMark?(id: string): void;
  /** Says the operator is looking at the list now: what begins later is shown as new. */
  looked?(now: number): void;
}

/** A replay's clock and time controls (hubmon replay), driven through the one key dispatcher. */
export type { ReplayControls as ReplaySource, ReplayStatus } from '../../record/replay-run.js';
import type { ReplayControls as ReplaySource } from '../../record/replay-run.js';

/** Everything the console needs to run. */
export interface ConsoleSources {
  readonly metrics: Metrics;
  readonly ingest: IngestStatusSource;
  readonly alerts: AlertsSource;
  readonly now: () => number;
  /** Only in `hubmon replay`: turns on the replay key bindings and the replay clock in the header. */
  readonly replay?: ReplaySource | undefined;
}

/** An ingest status for a console started with no live link (tests, replays, reports). */
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
