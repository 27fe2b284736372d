export * from './types.js';
export { createMetrics, liveMetrics } from './create-metrics.js';
export { NO_STREAM } from './activity.js';
