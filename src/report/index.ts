export * from './types.js';
export * from './period.js';
export * from './columns.js';
export * from './labels.js';
export * from './format-csv.js';
export * from './format-md.js';
export * from './format-json.js';
export * from './collect.js';
export { standingProblems } from './standing.js';
