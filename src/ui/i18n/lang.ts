/** The console's languages: Vietnamese for the hub's operators, English for everyone else. */
import { LANGS, type Lang } from '../../config/settings.js';

export { LANGS, type Lang } from '../../config/settings.js';
export { langFromEnv } from '../../config/load.js';

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
