export * from './sanitize.js';
export * from './fit.js';
export * from './ascii.js';
export * from './format-number.js';
export * from './format-time.js';
export * from './sparkline.js';
