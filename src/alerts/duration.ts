/** Durations as Prometheus writes them: `90s`, `2m`, `1h30m`, `7d`. */
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Parses `1h30m` into milliseconds; null when it is not a duration. `0` is accepted alone. */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  const m = DURATION_RE.exec(text);
  if (!m || text === '') return null;
  const sizes = Object.values(UNIT_MS);
  return m.slice(1).reduce((ms, n, i) => ms + Number(n ?? 0) * sizes[i]!, 0);
}

/** Writes milliseconds back in the same notation, largest units first (`5400000` → `1h30m`). */
export function formatDuration(ms: number): string {
  if (ms <= 0) return '0s';
  let rest = Math.round(ms / 1000) * 1000;
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  return out || '0s';
}
