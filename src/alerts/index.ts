/** Alerts (cảnh báo): rules over the metrics, their state, acknowledgements and correlation. */
export * from './types.js';
export * from './config.js';
export { parseDuration, formatDuration } from './duration.js';
export { step } from './state-machine.js';
export { fold } from './inhibit.js';
export { RULES, type AlertMetrics, type Rule, type RuleContext } from './rules/index.js';
export { ALERT_MIGRATIONS, migrateAlertTables, openAlertStore, type AlertStore } from './persist.js';
export { describeAlert, RULE_TITLES } from './describe.js';
export { createAlertEngine, type AlertEngine } from './engine.js';
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
} from './incidents.js';
export { describeIncident } from './describe-incident.js';
export { namer, unitPath, shortUnitName } from './unit-path.js';
export { judgeSignatures, judgeOverdue, signatureBadness, type Verdict } from './judgement.js';
