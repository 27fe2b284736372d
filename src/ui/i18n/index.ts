export * from './lang.js';
export * from './translate.js';
