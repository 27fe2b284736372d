export * from './cache.js';
export * from './migrations.js';
export * from './paths.js';
export * from './retention.js';
export { CacheLockedError } from './writer-lock.js';
export type { WriteChanges } from './write-changes.js';
export { DEFER_BACKLOG } from './projection.js';
export { CORE_MIGRATIONS } from './schema.js';
