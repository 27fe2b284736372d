/** Alerts (cảnh báo): rules over the metrics, their state, acknowledgements and correlation. */
export * from './types.js';
export * from './config.js';
export { parseDuration, formatDuration } from './duration.js';
export { RULES, type AlertMetrics, type RuleContext } from './rules/index.js';
export { ALERT_MIGRATIONS } from './persist.js';
export { describeAlert, describeIncident, namer, RULE_TITLES, shortUnitName, unitPath } from './describe.js';
export { createAlertEngine, type AlertEngine } from './engine.js';
export {
  groupIncidents,
  isNewSince,
  countIncidents,
  alertCounts,
  incidentState,
  unacknowledgedKeys,
  type Incident,
} from './incidents.js';
export { agenciesBehind } from '../metrics/servers.js';
export { countFlapping, flappingServerIds, shownServerState, type ShownServerState } from './flapping.js';
