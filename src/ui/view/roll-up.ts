/**
 * Roll-up of the four government levels (4 cấp chính quyền): every unit's figures plus those
 * of all units under it, so a province's row tells whether anything beneath it is failing.
 * Pure and O(n): children are added into parents from the deepest level up.
 */

/** A node of the agency tree: its id, its parent's, its level (1 top … 4 commune). */
export interface TreeNode {
  readonly id: string;
  readonly parent: string | null;
  readonly level: number;
}

/**
 * Sums `own` values over each subtree. `add(into, from)` must add `from` into `into` in place;
 * `clone` makes the starting total of a node from its own value.
 */
export function rollUpTree<N extends TreeNode, V>(
  nodes: readonly N[],
  own: (node: N) => V,
  clone: (value: V) => V,
  add: (into: V, from: V) => void,
): Map<string, V> {
  const totals = new Map<string, V>();
  for (const n of nodes) totals.set(n.id, clone(own(n)));
  const deepestFirst = [...nodes].sort((a, b) => b.level - a.level);
  for (const n of deepestFirst) {
    if (n.parent === null) continue;
    const parentTotal = totals.get(n.parent);
    const total = totals.get(n.id);
    if (parentTotal !== undefined && total !== undefined) add(parentTotal, total);
  }
  return totals;
}

/** Direct children of every node, in registry order. */
export function childrenIndex<N extends TreeNode>(nodes: readonly N[]): Map<string, N[]> {
  const index = new Map<string, N[]>();
  for (const n of nodes) {
    if (n.parent === null) continue;
    const list = index.get(n.parent);
    if (list) list.push(n);
    else index.set(n.parent, [n]);
  }
  return index;
}
