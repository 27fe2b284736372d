export * from './xdg.js';
export * from './settings.js';
export * from './load.js';
