import type { Agency } from '../protocol/index.js';

/**
 * Roll-up of the four government levels (4 cấp chính quyền): each unit's figures plus those of
 * every unit under it (ministry/province → departments/districts → divisions/wards → communes),
 * so a province's row tells whether anything beneath it is failing. The one roll-up of the
 * project: the console's agency lists, `hubmon report` and the tests all sum subtrees here.
 */

/** A node of the agency tree. */
export interface TreeNode {
  readonly id: string;
  /** Parent unit's id; null for a top-level ministry or province. */
  readonly parent: string | null;
}

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
 * The tree of `nodes`, cached by array identity: the cache hands out the same registry array
 * until the registry changes, so a refresh pays for this once. Depth comes from the parent
 * links, not a declared level, so a hub that mislabels a level still sums correctly.
 */
export function agencyTree(nodes: readonly TreeNode[]): AgencyTree {
  const cached = trees.get(nodes);
  if (cached) return cached;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => indexOf.set(node.id, i));
  const parentIndex = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = nodes[i]?.parent;
    const at = p == null ? undefined : indexOf.get(p);
    if (at !== undefined && at !== i) parentIndex[i] = at;
  }
  // Depth by walking up; a node met twice on one walk closes a cycle, which is cut there.
  const depth = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let cur = i;
    const onPath = new Set<number>();
    while (cur >= 0 && depth[cur] === -1 && !onPath.has(cur)) {
      onPath.add(cur);
      path.push(cur);
      cur = parentIndex[cur] ?? -1;
    }
    if (cur >= 0 && onPath.has(cur)) {
      parentIndex[cur] = -1;
      cur = -1;
    }
    let d = cur >= 0 ? (depth[cur] ?? 0) : -1;
    while (path.length > 0) {
      const j = path.pop() as number;
      d += 1;
      depth[j] = d;
    }
  }
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    maxDepth = Math.max(maxDepth, depth[i] ?? 0);
    const p = parentIndex[i] ?? -1;
    if (p >= 0) childCount[p] = (childCount[p] ?? 0) + 1;
  }
  // Counting sort by depth, deepest first, registry order within a depth.
  const starts = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) starts[maxDepth - (depth[i] ?? 0) + 1]! += 1;
  for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1] ?? 0;
  const bottomUp = new Int32Array(n);
  for (let i = 0; i < n; i++) bottomUp[starts[maxDepth - (depth[i] ?? 0)]!++] = i;
  const tree: AgencyTree = { indexOf, parentIndex, bottomUp, childCount };
  trees.set(nodes, tree);
  return tree;
}

/**
 * The node `rootId` and every node under it, in the order of `nodes`; empty when it is not
 * one of them. O(n) over the cached tree: each node's answer is found once.
 */
export function subtreeOf<N extends TreeNode>(nodes: readonly N[], rootId: string): N[] {
  const tree = agencyTree(nodes);
  const root = tree.indexOf.get(rootId);
  if (root === undefined) return [];
  // 0: not known yet, 1: under the root (or the root), 2: not.
  const under = new Uint8Array(nodes.length);
  under[root] = 1;
  const path: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let cur = i;
    while (cur >= 0 && under[cur] === 0) {
      path.push(cur);
      cur = tree.parentIndex[cur] ?? -1;
    }
    const answer = cur >= 0 ? under[cur]! : 2;
    while (path.length > 0) under[path.pop()!] = answer;
  }
  return nodes.filter((_, i) => under[i] === 1);
}

/**
 * Sums over every subtree, in place: `own(node, i)` returns a fresh accumulator holding the
 * node's own figures (it is mutated), `add(into, from)` adds a child's subtree total into its
 * parent's. Returns the totals indexed like `nodes`. O(n) per call.
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

/**
 * Combining rows of one agency's own numbers into a subtree's: numbers add (per-minute rates
 * too); number arrays (sparklines) add element by element; records of numbers add per key;
 * string arrays (status codes) are united and sorted; `null` is "unknown" and yields to a
 * number. Three kinds of field do not add, and are treated by name:
 * - `failureRate` is recomputed as failed / verified from the summed counts;
 * - `oldest…` fields (how long the worst one has waited) take the largest;
 * - `…MedianMs` fields take the median of the members' own medians (a true subtree median would
 *   need every sample; this keeps one slow unit visible without rescanning).
 */
type Row = { readonly agencyId: string };

function addValues(key: string, a: unknown, b: unknown): unknown {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  if (typeof a === 'number' && typeof b === 'number') return key.startsWith('oldest') ? Math.max(a, b) : a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.every((x) => typeof x === 'number') && b.every((x) => typeof x === 'number')) {
      const n = Math.max(a.length, b.length);
      return Array.from(
        { length: n },
        (_, i) => ((a[i] as number | undefined) ?? 0) + ((b[i] as number | undefined) ?? 0),
      );
    }
    return [...new Set([...a, ...b].map(String))].sort();
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = addValues(k, out[k], v);
    return out;
  }
  return a;
}

function medianOf(values: readonly number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((x, y) => x - y);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** A subtree sum being built: the summed fields, and the members' medians per median field. */
interface Sum {
  fields: Record<string, unknown> | null;
  medians: Map<string, number[]> | null;
}

function addRow(into: Sum, row: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(row)) {
    if (key === 'agencyId') continue;
    if (key.endsWith('MedianMs')) {
      into.medians ??= new Map();
      const list = into.medians.get(key) ?? [];
      if (typeof value === 'number') list.push(value);
      into.medians.set(key, list);
      continue;
    }
    into.fields ??= {};
    into.fields[key] = key in into.fields ? addValues(key, into.fields[key], value) : value;
  }
}

function addSum(into: Sum, from: Sum): void {
  if (from.fields) addRow(into, from.fields);
  for (const [key, values] of from.medians ?? []) {
    into.medians ??= new Map();
    into.medians.set(key, [...(into.medians.get(key) ?? []), ...values]);
  }
}

/**
 * Sums every agency's row into each of its ancestors, with the rules above. Returns one row
 * per agency that has a row or a descendant with one, holding its whole subtree, sorted by id;
 * rows of agencies outside the registry are kept as they are. Pure: the inputs are not changed.
 */
export function rollUpTree<T extends Row>(rows: readonly T[], agencies: readonly Agency[]): T[] {
  const { indexOf } = agencyTree(agencies);
  const byIndex = new Map<number, T[]>();
  const outside = new Map<string, Sum>();
  for (const row of rows) {
    const i = indexOf.get(row.agencyId);
    if (i === undefined) {
      const sum = outside.get(row.agencyId) ?? { fields: null, medians: null };
      addRow(sum, row);
      outside.set(row.agencyId, sum);
    } else {
      byIndex.set(i, [...(byIndex.get(i) ?? []), row]);
    }
  }
  const sums = rollUpSubtrees(
    agencies,
    (_, i): Sum => {
      const sum: Sum = { fields: null, medians: null };
      for (const row of byIndex.get(i) ?? []) addRow(sum, row);
      return sum;
    },
    addSum,
  );
  const medianKeys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (key.endsWith('MedianMs')) medianKeys.add(key);
  const out: T[] = [];
  const finish = (id: string, sum: Sum): void => {
    if (!sum.fields && !sum.medians) return;
    const row: Record<string, unknown> = { agencyId: id, ...sum.fields };
    for (const key of medianKeys) row[key] = medianOf(sum.medians?.get(key) ?? []);
    if ('failureRate' in row && typeof row.failed === 'number' && typeof row.verified === 'number') {
      row.failureRate = row.verified > 0 ? row.failed / row.verified : null;
    }
    out.push(row as T);
  };
  agencies.forEach((a, i) => finish(a.id, sums[i] as Sum));
  for (const [id, sum] of outside) finish(id, sum);
  return out.sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0));
}
