/**
 * Incidents (sự cố), grouped as Alertmanager groups notifications: an acute incident is one cause needing action
 * now (a down server with every agency behind it, a signature burst…); a standing problem (overdue replies,
 * certificates, an agency that always fails its signatures) is one line per rule, kept below the acute ones.
 */
import {
  PHASE_RANK,
  severityRank,
  type Acknowledgement,
  type Alert,
  type AlertLabels,
  type AlertState,
  type Phase,
  type RuleId,
  type Severity,
} from './types.js';

/** Inhibition, as Alertmanager's: the rules whose alerts a down or flapping server explains fold under it. */
const FOLDED_UNDER_SERVER: ReadonlySet<RuleId> = new Set<RuleId>(['agency-silent', 'delivery-failures']);

/** Rules whose alert is a server-wide cause: a down or flapping server. */
const SERVER_CAUSES: ReadonlySet<RuleId> = new Set<RuleId>(['server-disconnected', 'server-flapping']);

/** Groups alert states into top-level alerts, each down server carrying its folded symptoms. */
export function fold(states: Iterable<AlertState>, enabled: boolean): Alert[] {
  const all = [...states];
  const causes = new Map<string, AlertState[]>();
  for (const s of enabled ? all : [])
    if (SERVER_CAUSES.has(s.rule) && s.phase === 'firing' && s.labels.server !== undefined)
      causes.set(s.labels.server, []);
  const top: AlertState[] = [];
  for (const s of all) {
    const under =
      s.labels.server !== undefined && FOLDED_UNDER_SERVER.has(s.rule) ? causes.get(s.labels.server) : undefined;
    if (under) under.push(s);
    else top.push(s);
  }
  return top.map((s) => {
    // One cause per server carries the symptoms: the first of its cause alerts met.
    const symptoms = SERVER_CAUSES.has(s.rule) && s.labels.server !== undefined ? causes.get(s.labels.server) : [];
    if (symptoms?.length) causes.set(s.labels.server!, []);
    return { ...s, folded: symptoms ?? [] };
  });
}

type IncidentKind = 'acute' | 'standing';

export interface Incident {
  /** The cause alert's key for an acute incident; `standing <rule>` for a standing line. */
  readonly id: string;
  readonly rule: RuleId;
  readonly kind: IncidentKind;
  readonly severity: Severity;
  readonly phase: Phase;
  /** What it is about; a standing line spans many subjects and names none. */
  readonly subject: AlertLabels;
  /** Every agency it affects: those behind the server, or the agency itself; sorted. */
  readonly agencies: readonly string[];
  /** When it began (the earliest of its alerts). */
  readonly since: number;
  /** When its newest alert began: a standing line with a new member is new to the operator. */
  readonly latest: number;
  /** Acknowledged when every alert it stands for is. */
  readonly ack: Acknowledgement | null;
  /** The alerts it stands for: the cause then its folded symptoms, or the members of a line. */
  readonly alerts: readonly AlertState[];
  /** The member that makes a standing line worst (the cause itself for an acute incident). */
  readonly worst: AlertState;
}

/** Rules whose alerts are standing problems whatever they say. */
const STANDING_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['overdue-replies', 'certificate-expiring']);

/** Whether an alert is a standing problem rather than something that just started. */
export const isStanding = (a: AlertState): boolean =>
  STANDING_RULES.has(a.rule) || (a.rule === 'signature-failures' && a.params.standing === 1);

/** Firing, then pending, then resolved; critical before warning; then newest first. */
const byUrgency = (a: Incident, b: Incident): number =>
  Number(a.kind === 'standing') - Number(b.kind === 'standing') ||
  PHASE_RANK[a.phase] - PHASE_RANK[b.phase] ||
  severityRank(b.severity) - severityRank(a.severity) ||
  b.since - a.since ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How a standing line picks its worst member: severity, then the rule's own figure. */
const BADNESS: Partial<Record<RuleId, (n: (k: string) => number) => number>> = {
  'overdue-replies': (n) => n('overdue') * 1e13 - n('oldestDueAt') / 1e3,
  'certificate-expiring': (n) => -n('expiresAt'),
  'signature-failures': (n) => n('sure') * 1e6 + n('failed'),
};
const badness = (a: AlertState): number =>
  BADNESS[a.rule]?.((k) => (typeof a.params[k] === 'number' ? a.params[k] : 0)) ?? 0;

const worse = (a: AlertState, b: AlertState): boolean =>
  severityRank(a.severity) - severityRank(b.severity) > 0 || (a.severity === b.severity && badness(a) > badness(b));

const ackOf = (alerts: readonly AlertState[]): Acknowledgement | null => {
  let last: Acknowledgement | null = null;
  for (const a of alerts) {
    if (a.phase === 'resolved') continue;
    if (a.ack === null) return null;
    if (last === null || a.ack.at > last.at) last = a.ack;
  }
  return last;
};

/** Groups a snapshot's top-level alerts into incidents, most urgent first; `behind`: a server's agencies (`agenciesBehind`). */
export function groupIncidents(alerts: readonly Alert[], behind: (server: string) => readonly string[]): Incident[] {
  const out: Incident[] = [];
  // Agencies an alert's subject covers: a server's are those behind it.
  const affected = ({ labels: l }: AlertState) =>
    l.agency !== undefined ? [l.agency] : l.server !== undefined ? behind(l.server) : [];
  const agenciesOf = (members: readonly AlertState[]): string[] => [...new Set(members.flatMap(affected))].sort();
  const standing = new Map<RuleId, AlertState[]>();
  // A server both down and flapping is one cause: the firing (then the more severe) alert leads.
  const byServer = new Map<string, Alert[]>();
  for (const a of alerts)
    if (SERVER_CAUSES.has(a.rule) && a.labels.server !== undefined && a.phase !== 'resolved')
      byServer.set(a.labels.server, [...(byServer.get(a.labels.server) ?? []), a]);
  const serverRank = (a: Alert): number => (a.phase === 'firing' ? 10 : 0) + severityRank(a.severity);
  const companions = new Map<Alert, Alert[]>();
  for (const list of byServer.values()) {
    const [lead, ...others] = list.sort((x, y) => serverRank(y) - serverRank(x));
    companions.set(lead!, others);
  }
  const joined = new Set([...companions.values()].flat());
  for (const a of alerts) {
    if (joined.has(a)) continue;
    if (isStanding(a)) {
      const members = standing.get(a.rule) ?? [];
      members.push(a, ...a.folded);
      standing.set(a.rule, members);
      continue;
    }
    const others = companions.get(a) ?? [];
    const members: AlertState[] = [a, ...others, ...a.folded, ...others.flatMap((o) => o.folded)];
    out.push({
      id: a.key,
      rule: a.rule,
      kind: 'acute',
      severity: a.severity,
      phase: a.phase,
      subject: SERVER_CAUSES.has(a.rule) ? { server: a.labels.server } : a.labels,
      agencies: agenciesOf(members),
      since: a.activeSince,
      latest: a.activeSince,
      ack: a.phase === 'resolved' ? a.ack : ackOf(members),
      alerts: members,
      worst: a,
    });
  }
  for (const [rule, members] of standing) {
    const live = members.filter((m) => m.phase !== 'resolved');
    if (live.length === 0) continue;
    const worst = live.reduce((w, m) => (worse(m, w) ? m : w));
    const starts = live.map((m) => m.activeSince);
    out.push({
      id: `standing ${rule}`,
      rule,
      kind: 'standing',
      severity: worst.severity,
      phase: live.some((m) => m.phase === 'firing') ? 'firing' : 'pending',
      subject: {},
      agencies: agenciesOf(live),
      since: Math.min(...starts),
      latest: Math.max(...starts),
      ack: ackOf(live),
      alerts: live,
      worst,
    });
  }
  return out.sort(byUrgency);
}

/** Keys of the alerts acknowledging an incident must record: those not yet acknowledged. */
export const unacknowledgedKeys = (incident: Incident): string[] =>
  incident.alerts.filter((a) => a.phase !== 'resolved' && a.ack === null).map((a) => a.key);

/** Whether the incident began after the operator last looked at the list (null: never looked). */
export const isNewSince = (incident: Incident, lastLookedAt: number | null): boolean =>
  lastLookedAt === null || incident.latest > lastLookedAt;

/** How many incidents of each kind are firing, for a header, `status` and perfdata. */
export function countIncidents(incidents: readonly Incident[]): { acute: number; standing: number } {
  const firing = (kind: IncidentKind) => incidents.filter((i) => i.phase === 'firing' && i.kind === kind).length;
  return { acute: firing('acute'), standing: firing('standing') };
}

/** How an incident stands for the operator: acknowledged whatever its phase, else firing or pending. */
type IncidentState = 'firing' | 'pending' | 'acknowledged';
export const incidentState = (i: Incident): IncidentState =>
  i.ack ? 'acknowledged' : i.phase === 'pending' ? 'pending' : 'firing';

/** The header's and `status`'s alert counts: incidents (a down server is one), firing unacknowledged, and pending. */
export function alertCounts(items: readonly { readonly severity: Severity; readonly state: IncidentState }[]) {
  const count = (state: IncidentState, severity?: Severity): number =>
    items.filter((a) => a.state === state && (severity === undefined || a.severity === severity)).length;
  return { critical: count('firing', 'critical'), warning: count('firing', 'warning'), pending: count('pending') };
}
