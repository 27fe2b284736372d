export * from './period.js';
export * from './columns.js';
export * from './labels.js';
export * from './formats.js';
export * from './collect.js';
export { standingProblems } from './standing.js';
