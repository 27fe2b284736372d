/**
 * What the console reads, as small typed surfaces. It never opens a socket or a database
 * itself: the `console` command (or a test, or a replay) hands these in.
 */
import type { Metrics } from '../../metrics/types.js';

/** The hub link as the ingest side last saw it. */
export type ConnectionState = 'connecting' | 'live' | 'catching-up' | 'offline';

export interface IngestStatus {
  readonly connection: ConnectionState;
  /** Watching the built-in simulated hub (the header says DEMO). */
  readonly demo: boolean;
  /** When the connection entered its current state. */
  readonly since: number | null;
  /** When anything last arrived from the hub, heartbeats included. */
  readonly lastContactAt: number | null;
  /** Events the hub has announced that the cache does not hold yet (newest seq − stored seq). */
  readonly lagEvents: number;
  /** Events stored per second, averaged over the last few seconds. */
  readonly eventsPerSec: number;
  /** Messages set aside since start (bản tin bị loại), and the latest one's reason. */
  readonly rejections: number;
  readonly lastRejection: { readonly reason: string; readonly detail: string; readonly at: number } | null;
  /** The last connection or storage error, for the status line. */
  readonly lastError: string | null;
}

/** Observable ingest status: read the current value; be told when it changes. */
export interface IngestStatusSource {
  get(): IngestStatus;
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export type AlertSeverity = 'critical' | 'warning' | 'info';
export type AlertState = 'firing' | 'pending' | 'acknowledged';

/** One alert as the console lists it (cảnh báo). */
export interface AlertView {
  readonly id: string;
  readonly rule: string;
  readonly severity: AlertSeverity;
  readonly state: AlertState;
  /** The agency it is about, for drill-down; null for a server or hub-wide alert. */
  readonly agencyId: string | null;
  /** Agency or server it is about, as shown. */
  readonly subject: string;
  /** One line: what is wrong, with the figure. */
  readonly summary: string;
  /** When it started (pending) or fired. */
  readonly since: number;
  readonly acknowledgedAt: number | null;
}

/** The alert engine as the console uses it. */
export interface AlertsSource {
  list(now: number): readonly AlertView[];
  /** Marks an alert acknowledged; false when it is unknown or already acknowledged. */
  acknowledge(id: string, now: number): boolean;
}

/** Everything the console needs to run. */
export interface ConsoleSources {
  readonly metrics: Metrics;
  readonly ingest: IngestStatusSource;
  readonly alerts: AlertsSource;
  readonly now: () => number;
}

/** An ingest status for a console started with no live link (tests, replays, reports). */
export const idleIngest = (status: Partial<IngestStatus> = {}): IngestStatusSource => {
  const value: IngestStatus = {
    connection: 'live',
    demo: false,
    since: null,
    lastContactAt: null,
    lagEvents: 0,
    eventsPerSec: 0,
    rejections: 0,
    lastRejection: null,
    lastError: null,
    ...status,
  };
  return { get: () => value, subscribe: () => () => undefined };
};

/** An alerts surface with no rules, for a console started without the alert engine. */
export const noAlerts: AlertsSource = { list: () => [], acknowledge: () => false };
