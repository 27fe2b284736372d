export * from './sink.js';
export * from './status.js';
export * from './options.js';
export * from './client.js';
export * from './backoff.js';
export * from './token.js';
export * from './hub-url.js';
export type { Timers } from './timers.js';
