export { loadFixtures, parseFixtures } from './fixtures.js';
export { childId, isAgencyId, levelOf } from './identifier.js';
export { DEFAULT_SEED, DEMO_COMMUNES_IN, buildRegistry, type Registry } from './lower-levels.js';
export { deriveSeed, mulberry32, sample } from './rng.js';
