/** Agency names as the console shows them, sanitised once per registry entry rather than per refresh. */
import type { Agency } from '../../protocol/index.js';
import { sanitize } from '../text/sanitize.js';
import { displayName } from './display-name.js';

const perAgency = (name: (a: Agency) => string): ((a: Agency) => string) => {
  const names = new WeakMap<Agency, string>();
  return (a) => {
    let n = names.get(a);
    if (n === undefined) names.set(a, (n = name(a)));
    return n;
  };
};

/** The name a list shows (`displayName`), safe to print. */
export const shownName = perAgency((a) => sanitize(displayName(a.name)));
/** The full name, as a detail view shows it, safe to print. */
export const fullName = perAgency((a) => sanitize(a.name));
