/**
 * Roll-up of the four government levels (4 cấp chính quyền): each unit's figures plus those of every unit under it
 * (ministry/province → departments/districts → divisions/wards → communes), so a province's row tells whether anything
 * beneath it is failing. The one roll-up of the project: the console's agency lists sum subtrees here.
 */
import type { Agency } from '../protocol/index.js';

/** A node of the agency tree: its parent is null for a top-level ministry or province. */
type TreeNode = Pick<Agency, 'id' | 'parent'>;

/** The registry as a tree of indexes into it, built once per registry array. */
export interface AgencyTree {
  readonly indexOf: ReadonlyMap<string, number>;
  /** Registry index of each node's parent; -1 for a top-level unit, an unknown parent or a cycle. */
  readonly parentIndex: Int32Array;
  /** Every node index, each after all of its descendants (deepest first). */
  readonly bottomUp: Int32Array;
  /** Direct children of each node. */
  readonly childCount: Int32Array;
}

const trees = new WeakMap<readonly TreeNode[], AgencyTree>();

/**
 * The tree of `nodes`, cached by array identity (the same registry array until the registry changes). Depth comes from
 * the parent links, not a declared level, so a hub that mislabels a level still sums correctly.
 */
export function agencyTree(nodes: readonly TreeNode[]): AgencyTree {
  const cached = trees.get(nodes);
  if (cached) return cached;
  const n = nodes.length;
  const indexOf = new Map(nodes.map((node, i) => [node.id, i]));
  const parentIndex = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  nodes.forEach((node, i) => {
    const at = node.parent == null ? undefined : indexOf.get(node.parent);
    if (at !== undefined && at !== i) parentIndex[i] = at;
  });
  // Depth by walking up (-2: on this walk); a node met twice on one walk closes a cycle, which is cut there.
  const depth = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let cur = i;
    for (; cur >= 0 && depth[cur] === -1; cur = parentIndex[cur]!) {
      depth[cur] = -2;
      path.push(cur);
    }
    if (cur >= 0 && depth[cur] === -2) {
      parentIndex[cur] = -1;
      cur = -1;
    }
    let d = cur >= 0 ? depth[cur]! : -1;
    while (path.length > 0) depth[path.pop()!] = ++d;
  }
  for (let i = 0; i < n; i++) if (parentIndex[i]! >= 0) childCount[parentIndex[i]!]! += 1;
  // Deepest first, registry order within a depth.
  const bottomUp = Int32Array.from(nodes.keys()).sort((a, b) => depth[b]! - depth[a]! || a - b);
  const tree: AgencyTree = { indexOf, parentIndex, bottomUp, childCount };
  trees.set(nodes, tree);
  return tree;
}

/** The node `rootId` and every node under it, in the order of `nodes`; empty when it is not one of them. O(n). */
export function subtreeOf<N extends TreeNode>(nodes: readonly N[], rootId: string): N[] {
  const tree = agencyTree(nodes);
  const root = tree.indexOf.get(rootId);
  if (root === undefined) return [];
  const under = new Uint8Array(nodes.length);
  under[root] = 1;
  // Shallowest first (bottomUp reversed): a node is under the root when its parent is.
  for (let k = tree.bottomUp.length - 1; k >= 0; k--) {
    const i = tree.bottomUp[k]!;
    const p = tree.parentIndex[i]!;
    if (p >= 0 && under[p] === 1) under[i] = 1;
  }
  return nodes.filter((_, i) => under[i] === 1);
}

/**
 * Sums over every subtree, in place, O(n): `own(node, i)` returns a fresh accumulator of the node's own figures (it is
 * mutated), `add(into, from)` adds a child's subtree total into its parent's. Returns the totals indexed like `nodes`.
 */
export function rollUpSubtrees<N extends TreeNode, V>(
  nodes: readonly N[],
  own: (node: N, index: number) => V,
  add: (into: V, from: V) => void,
): V[] {
  const tree = agencyTree(nodes);
  const totals = nodes.map(own);
  for (let k = 0; k < tree.bottomUp.length; k++) {
    const i = tree.bottomUp[k]!;
    const p = tree.parentIndex[i] ?? -1;
    if (p >= 0) add(totals[p] as V, totals[i] as V);
  }
  return totals;
}
