/** Agency names as the console shows them, sanitised once per registry entry rather than per refresh. */
import type { Agency } from '../../protocol/index.js';
import { sanitize } from '../text/sanitize.js';
import { displayName } from './display-name.js';

const shownNames = new WeakMap<Agency, string>();
const fullNames = new WeakMap<Agency, string>();

/** The name a list shows (`displayName`), safe to print: control and bidi characters made visible. */
export function shownName(a: Agency): string {
  let name = shownNames.get(a);
  if (name === undefined) {
    name = sanitize(displayName(a.name));
    shownNames.set(a, name);
  }
  return name;
}

/** The full name, as a detail view shows it, safe to print. */
export function fullName(a: Agency): string {
  let name = fullNames.get(a);
  if (name === undefined) {
    name = sanitize(a.name);
    fullNames.set(a, name);
  }
  return name;
}
