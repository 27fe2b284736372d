export type { AgencyProfile, Fixtures, SecurityServerFixture, TopLevelAgency } from './fixtures.js';
export {
  agencyProfileSchema,
  loadFixtures,
  parseFixtures,
  securityServerFixtureSchema,
  topLevelAgencySchema,
} from './fixtures.js';
export type { AgencyLevel } from './identifier.js';
export { childId, isAgencyId, levelOf } from './identifier.js';
export type { BuildOptions, Registry, RegistryAgency, RegistryServer } from './lower-levels.js';
export { DEFAULT_SEED, DEMO_COMMUNES_IN, buildRegistry } from './lower-levels.js';
export type { Rng } from './rng.js';
export { deriveSeed, intBetween, mulberry32, sample } from './rng.js';
