export * from './actions.js';
export * from './bindings.js';
export * from './key-name.js';
export * from './key-presses.js';
export * from './resolve.js';
