/** Agency names as the lists show them, sanitised once per registry entry rather than per refresh. */
import type { Agency } from '../../protocol/index.js';
import { sanitize } from '../text/sanitize.js';

const shownNames = new WeakMap<Agency, string>();

/** The agency's name, safe to print: control and bidi characters from the hub made visible. */
export function shownName(a: Agency): string {
  let name = shownNames.get(a);
  if (name === undefined) {
    name = sanitize(a.name);
    shownNames.set(a, name);
  }
  return name;
}
