export * from './types.js';
export { createMetrics } from './create-metrics.js';
export { DEFAULT_METRICS_OPTIONS, type MetricsOptions } from './context.js';
export { rollUpTree, rollUpSubtrees, agencyTree, type AgencyTree, type TreeNode } from './roll-up-tree.js';
export { DEFAULT_SPARK_BUCKETS, spreadHour } from './throughput.js';
export { minuteWindow, rangeParts, type MinuteWindow } from './window.js';
export { downtime } from './servers.js';
export { median } from './feedback.js';
export { summarizeEvent } from './event-summary.js';
