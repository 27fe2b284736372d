/**
 * Structural equality of plain data, and keeping the previous value where the new one equals it: a refresh whose
 * figures did not move hands the screen the very objects it drew last time.
 */

/** Whether `a` and `b` hold the same plain data (NaN equals NaN). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return typeof a === 'number' && typeof b === 'number' && a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  // Anything but a plain object (a Map, a class) is the same only as itself.
  if (
    Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  // for…in over plain objects walks V8's enumeration cache: no array of keys per comparison.
  let n = 0;
  for (const k in a) {
    if (!(k in b) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/** `next` with each row equal to the previous one of its key replaced by it; `previous` itself when all are kept. */
export function keepSame<M>(
  previous: readonly M[] | undefined,
  next: readonly M[],
  key: (m: M) => string,
): readonly M[] {
  if (!previous || previous.length === 0 || next === previous) return next;
  let before: Map<string, M> | undefined;
  let all = previous.length === next.length;
  const out = next.map((m, i) => {
    // A row the list's own build kept is the previous row at its place: no need to look it up.
    const at = previous[i];
    if (at === m) return m;
    const k = key(m);
    // The rows are looked up by key only once one is not at its old place.
    const was = at !== undefined && key(at) === k ? at : (before ??= new Map(previous.map((p) => [key(p), p]))).get(k);
    if (was !== undefined && sameData(was, m)) {
      if (previous[i] !== was) all = false;
      return was;
    }
    all = false;
    return m;
  });
  return all ? previous : out;
}

/** `next` with each field that equals `previous`'s replaced by it; `previous` itself when all are. */
export function keepFields<T>(previous: T, next: T): T {
  if (typeof previous !== 'object' || typeof next !== 'object' || previous === null || next === null) return next;
  const out: Record<string, unknown> = {};
  let all = Object.keys(previous).length === Object.keys(next).length;
  for (const [k, v] of Object.entries(next)) {
    const was = (previous as Record<string, unknown>)[k];
    const same = sameData(was, v);
    out[k] = same ? was : v;
    all &&= same;
  }
  return all ? previous : (out as T);
}

/** `f` remembered per object: an object kept from one refresh to the next is not worked on again. */
export function perObject<K extends object, V>(f: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = f(key)));
    return value;
  };
}
