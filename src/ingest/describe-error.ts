/** A connection or cache error in words for the status line (HTTP refusals hint at the token). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  const m = /^Unexpected server response: (\d+)/.exec(err.message);
  if (m)
    return `hub refused the connection: HTTP ${m[1]}${m[1] === '401' || m[1] === '403' ? ' (check the token)' : ''}`;
  return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
}
