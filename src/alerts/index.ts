/** Alerts (cảnh báo): rules over the metrics, their state, acknowledgements and correlation. */
export * from './types.js';
export * from './config.js';
export { parseDuration, formatDuration } from './duration.js';
export { step, type RuleTiming } from './state-machine.js';
export { fold, FOLDED_UNDER_SERVER } from './inhibit.js';
export { workingTimeElapsed, localTime, type WorkingHours } from './working-hours.js';
export { RULES, coveringWindow, type AlertMetrics, type Rule, type RuleContext } from './rules/index.js';
export {
  ALERT_MIGRATIONS,
  migrateAlertTables,
  openAlertStore,
  type AlertMigration,
  type AlertStore,
} from './persist.js';
export { describeAlert, spanText, RULE_TITLES, type DescribeOptions } from './describe.js';
export { sortAlerts, countAlerts } from './snapshot.js';
export { createAlertEngine, type AlertEngine, type AlertEngineOptions, type RuleError } from './engine.js';
export {
  groupIncidents,
  agenciesBehind,
  isStanding,
  isNewSince,
  countIncidents,
  alertCounts,
  incidentState,
  unacknowledgedKeys,
  type Incident,
  type IncidentKind,
} from './incidents.js';
export { describeIncident } from './describe-incident.js';
export { unitPath, shortUnitName } from './unit-path.js';
export { judgeSignatures, judgeOverdue, signatureBadness, wilsonLower, type Verdict } from './judgement.js';
