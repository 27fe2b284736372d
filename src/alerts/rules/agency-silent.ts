import { zoneOffsetMs } from '../../protocol/index.js';
import type { RulesConfig } from '../config.js';
import { candidate, type Candidate } from '../types.js';
import { agencyLabels, type Rule } from './context.js';

const DAY_MS = 86_400_000;

/** Milliseconds into the day of a checked `HH:MM`. */
const clockMs = (hhmm: string): number => Date.parse(`1970-01-01T${hhmm}Z`);

/** How long the working day (giờ hành chính, in its time zone) has run at `at` (ms); null outside working hours. */
function workingTimeElapsed(at: number, hours: RulesConfig['agencySilent']['workingHours']): number | null {
  const local = at + zoneOffsetMs(at, hours.timeZone);
  const day = Math.floor(local / DAY_MS);
  // 1970-01-01, day 0, was a Thursday (ISO 4).
  if (!hours.days.includes(((day + 3) % 7) + 1)) return null;
  const msOfDay = local - day * DAY_MS;
  const start = clockMs(hours.start);
  return msOfDay < start || msOfDay >= clockMs(hours.end) ? null : msOfDay - start;
}

/**
 * Cơ quan im lặng: in working hours, an agency that normally sends (the same window a week earlier, else the last
 * 24 h) has sent nothing for `silentFor`, all of it inside today's working time (the night never counts at 07:31).
 */
export const agencySilent: Rule = (ctx) => {
  const cfg = ctx.config.agencySilent;
  const elapsed = workingTimeElapsed(ctx.now, cfg.workingHours);
  if (elapsed === null || elapsed < cfg.silentFor) return [];

  const byAgency = new Map(ctx.metrics.throughputOver(ctx.now, cfg.silentFor).map((r) => [r.agencyId, r]));
  const usualThisWindow = Math.ceil((cfg.minUsualPerHour * cfg.silentFor) / 3_600_000);
  let lastDay: Map<string, number> | null = null;

  const out: Candidate[] = [];
  for (const agency of ctx.metrics.agencies()) {
    const row = byAgency.get(agency.id);
    if (row !== undefined && row.sent > 0) continue;
    const week = row?.sentWeekAgo ?? null;
    // The last day, read only when some agency lacks a week of history.
    if (week === null)
      lastDay ??= new Map(ctx.metrics.throughput(ctx.now, '24h', undefined, 0).map((r) => [r.agencyId, r.sent]));
    const usual = week ?? lastDay?.get(agency.id) ?? 0;
    if (usual < (week === null ? cfg.minUsualPerDay : usualThisWindow)) continue;
    const params = { windowMs: cfg.silentFor, usual, basis: week === null ? 'day' : 'week' };
    out.push(candidate('agency-silent', agencyLabels(ctx, agency.id), 'warning', params));
  }
  return out;
};
