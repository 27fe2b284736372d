/** Windowing: only the rows on screen are rendered; the cursor and scroll offset keep in step. */

export type Viewport = { readonly cursor: number; readonly offset: number };

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** Keeps the cursor inside the list and the offset such that the cursor is visible. */
export function settle(cursor: number, offset: number, count: number, height: number): Viewport {
  if (count <= 0 || height <= 0) return { cursor: 0, offset: 0 };
  const c = clamp(cursor, 0, count - 1);
  let o = clamp(offset, 0, Math.max(0, count - height));
  if (c < o) o = c;
  if (c >= o + height) o = c - height + 1;
  return { cursor: c, offset: o };
}

/**
 * Moves the cursor by `delta` rows; Infinity jumps to the ends. A move by a whole page (`height`) scrolls the rows by a
 * page too, so PgDn shows the next page, not one more row.
 */
export function move(view: Viewport, delta: number, count: number, height: number): Viewport {
  const target = delta === Infinity ? count - 1 : delta === -Infinity ? 0 : view.cursor + delta;
  const offset = Math.abs(delta) === height && height > 0 ? view.offset + delta : view.offset;
  return settle(target, offset, count, height);
}

/** The slice of rows to render. */
export const visibleRange = (view: Viewport, count: number, height: number): [number, number] => [
  view.offset,
  Math.min(count, view.offset + Math.max(0, height)),
];
