/** One alert's life, as Prometheus runs it: inactive → pending (`for`) → firing → resolved after `keepFiringFor`. */
import { severityRank, type AlertState, type Candidate } from './types.js';

/**
 * One evaluation's step; null `prev`/`observed`/result: inactive/not holding/inactive. Resolved stays as is. `timing`:
 * how long the condition must hold, and how long a firing alert outlives it.
 */
export function step(
  prev: AlertState | null,
  observed: Candidate | null,
  now: number,
  timing: { readonly forMs: number; readonly keepFiringForMs: number },
): AlertState | null {
  if (observed === null) {
    if (prev === null || prev.phase === 'resolved') return prev;
    // A pending alert that stops holding never fired: it simply goes away (as in Prometheus).
    if (prev.phase === 'pending') return null;
    const keptSince = prev.keptFiringSince ?? now;
    if (now - keptSince >= timing.keepFiringForMs)
      return { ...prev, phase: 'resolved', keptFiringSince: keptSince, resolvedAt: now };
    return prev.keptFiringSince === keptSince ? prev : { ...prev, keptFiringSince: keptSince };
  }

  const fresh = prev === null || prev.phase === 'resolved';
  // The data may know the condition began earlier than this evaluation saw it (a server's `since`).
  const start = Math.min(observed.since ?? now, now);
  const activeSince = fresh ? start : Math.min(prev.activeSince, start);
  const firingAt = activeSince + timing.forMs;
  const firing = (!fresh && prev.phase === 'firing') || now >= firingAt;
  const escalated = !fresh && severityRank(observed.severity) > severityRank(prev.severity);
  const next: AlertState = {
    key: observed.key,
    rule: observed.rule,
    labels: observed.labels,
    severity: observed.severity,
    phase: firing ? 'firing' : 'pending',
    activeSince,
    firingSince: firing ? (!fresh && prev.firingSince !== null ? prev.firingSince : firingAt) : null,
    keptFiringSince: null,
    resolvedAt: null,
    params: observed.params,
    // An acknowledgement covers what was seen: a new incident or a rise to critical needs a new one.
    ack: fresh || escalated ? null : prev.ack,
  };
  // Handing back the same object when nothing moved lets callers skip work by identity.
  return prev !== null && sameAlertState(prev, next) ? prev : next;
}

/** Whether two states of the same alert would show and persist alike. */
export function sameAlertState(a: AlertState, b: AlertState): boolean {
  return (
    a === b ||
    (a.phase === b.phase &&
      a.severity === b.severity &&
      a.activeSince === b.activeSince &&
      a.firingSince === b.firingSince &&
      a.keptFiringSince === b.keptFiringSince &&
      a.resolvedAt === b.resolvedAt &&
      a.ack?.by === b.ack?.by &&
      a.ack?.at === b.ack?.at &&
      Object.keys(a.params).length === Object.keys(b.params).length &&
      Object.keys(a.params).every((k) => a.params[k] === b.params[k]))
  );
}
