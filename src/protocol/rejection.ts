import type { z } from 'zod';

/** Why a frame or a message in it was set aside instead of being used. */
export const REJECTION_REASONS = [
  'frame_too_large',
  'invalid_utf8',
  'bad_json',
  'not_an_object',
  'unsupported_version',
  'invalid_envelope',
  'invalid_message',
  'seq_regression',
  'agency_limit',
  /** Not set aside: an event stored whose time ran ahead of its receipt, marked here (FIGURES.md). */
  'clock_ahead',
] as const;

/** A message the client could not use, kept with its raw text and a readable reason. */
export interface Rejection {
  readonly reason: (typeof REJECTION_REASONS)[number];
  /** Human-readable detail, e.g. `data.recipients: expected array, got string`. */
  readonly detail: string;
  /** The offending text, cut to {@link MAX_RAW_KEPT} characters. */
  readonly raw: string;
  /** Envelope fields, when they could be read. */
  readonly seq?: number;
  readonly type?: string;
}

/** How much of a rejected message's text is kept; enough to diagnose, bounded for storage. */
export const MAX_RAW_KEPT = 8 * 1024;

export const keepRaw = (raw: string): string =>
  raw.length > MAX_RAW_KEPT ? `${raw.slice(0, MAX_RAW_KEPT)}… (${raw.length} chars)` : raw;

/** Describes a JSON value's kind the way the reasons speak of it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN' : `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value;
}

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (cur, key) => (cur !== null && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[key] : undefined),
    root,
  );

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return `one of ${issue.values
        .map((v) => JSON.stringify(v))
        .sort()
        .join(', ')}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      return issue.format === 'regex' ? issue.message : `an ISO 8601 UTC ${issue.format}`;
    case 'unrecognized_keys':
      return `no field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'one of the allowed shapes';
    default:
      return issue.message;
  }
}

/** The first schema issue as "path: expected X, got Y", Y quoted from what the hub actually sent. */
export function describeIssue(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.map(String).join('.') : '(message)';
  const got = valueAt(input, issue.path);
  const gotText = got === undefined ? 'nothing' : describeValue(got);
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `${path}: expected ${expectation(issue)}, got ${gotText}${more}`;
}
