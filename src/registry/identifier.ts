/**
 * Agency identifiers (mã định danh, Circular 10/2016/TT-BTTTT) `NNN.NN.NN.XNN`: the last group names the top-level
 * unit, each lower level fills the next group to the left (`000.00.07.H41`, `000.12.07.H41`, `003.12.07.H41`).
 */

const SHAPE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;

/** How many children one parent can number at each child level (widths 2, 2, 3 digits). */
const CHILD_CAPACITY: Record<2 | 3 | 4, number> = { 2: 99, 3: 99, 4: 999 };

export const isAgencyId = (id: string): boolean => SHAPE.test(id);

function groups(id: string): [string, string, string, string] {
  const m = SHAPE.exec(id);
  if (!m) throw new RangeError(`expected an agency id shaped NNN.NN.NN.XNN, got "${id}"`);
  return [m[1] as string, m[2] as string, m[3] as string, m[4] as string];
}

/** The level an identifier encodes, read from which groups are filled. */
export function levelOf(id: string): 1 | 2 | 3 | 4 {
  const [g1, g2, g3] = groups(id);
  return g3 === '00' ? 1 : g2 === '00' ? 2 : g1 === '000' ? 3 : 4;
}

/** The identifier of a parent's `n`-th child (n from 1). */
export function childId(parentId: string, n: number): string {
  const [g1, g2, g3, top] = groups(parentId);
  const level = levelOf(parentId);
  if (level === 4) throw new RangeError(`level-4 unit ${parentId} cannot have children`);
  const childLevel = (level + 1) as 2 | 3 | 4;
  const capacity = CHILD_CAPACITY[childLevel];
  if (!Number.isInteger(n) || n < 1 || n > capacity)
    throw new RangeError(`child number must be 1..${capacity} under ${parentId}, got ${n}`);
  if (childLevel === 2) return `${g1}.${g2}.${pad(n, 2)}.${top}`;
  if (childLevel === 3) return `${g1}.${pad(n, 2)}.${g3}.${top}`;
  return `${pad(n, 3)}.${g2}.${g3}.${top}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
