export * from './version.js';
export * from './primitives.js';
export * from './codes.js';
export * from './registry.js';
export * from './messages.js';
export * from './envelope.js';
export * from './rejection.js';
export * from './parse.js';
