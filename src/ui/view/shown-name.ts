/** Agency names as the console shows them, sanitised once per registry entry rather than per refresh. */
import type { Agency } from '../../protocol/index.js';
import { sanitize } from '../text/sanitize.js';
import { displayName } from './display-name.js';
import { perObject } from './same-data.js';

/** The name a list shows (`displayName`), safe to print. */
export const shownName = perObject((a: Agency) => sanitize(displayName(a.name)));
/** The full name, as a detail view shows it, safe to print. */
export const fullName = perObject((a: Agency) => sanitize(a.name));
