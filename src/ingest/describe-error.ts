/**
 * A connection or cache error in words for the status line: an HTTP refusal says so (with a
 * hint when the token is the likely cause), and the errno code is kept when the message lacks it.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  const m = /^Unexpected server response: (\d+)/.exec(err.message);
  if (m)
    return `hub refused the connection: HTTP ${m[1]}${m[1] === '401' || m[1] === '403' ? ' (check the token)' : ''}`;
  return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
}
