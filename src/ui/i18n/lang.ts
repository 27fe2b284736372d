/** The console's languages: Vietnamese for the hub's operators, English for everyone else. */
export { LANGS, isLang, type Lang } from '../../config/settings.js';
export { langFromEnv } from '../../config/load.js';
