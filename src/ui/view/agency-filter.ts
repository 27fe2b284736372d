/** The Agencies screen's own filters: one government level, one kind of problem. */
import { levelRank } from '../status/judge.js';
import type { AgencyModel } from './agency-model.js';

/** Judged by the incidents' rules, not by the figures on screen. */
const BY_INCIDENT = ['flapping', 'silence', 'duplicates'] as const;

/** 0 = every level. */
export const LEVEL_FILTERS = [1, 2, 3, 4, 0] as const;
export type LevelFilter = (typeof LEVEL_FILTERS)[number];

export const PROBLEM_FILTERS = ['all', 'any', 'server', 'signature', 'overdue', 'drop', ...BY_INCIDENT] as const;
export type ProblemFilter = (typeof PROBLEM_FILTERS)[number];

const bad = (level: Parameters<typeof levelRank>[0]): boolean => levelRank(level) >= levelRank('warn');

export function hasProblem(m: AgencyModel, problem: ProblemFilter): boolean {
  if (problem === 'all') return true;
  if (problem === 'any') return bad(m.status.overall) || m.incidents.length > 0;
  return problem === 'flapping' || problem === 'silence' || problem === 'duplicates'
    ? m.incidents.includes(problem)
    : bad(m.status[problem]);
}

export const filterAgencies = (models: readonly AgencyModel[], level: LevelFilter, problem: ProblemFilter) =>
  models.filter((m) => (level === 0 || m.level === level) && hasProblem(m, problem));

/** The item `step` places after `current`, round the end. */
export const cycle = <T>(items: readonly T[], current: T, step = 1): T =>
  items[(items.indexOf(current) + step + items.length) % items.length] ?? current;
