/** Sparklines: a series as a row of block characters, scaled to its own maximum. */

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Resamples `values` to `width` points by summing the buckets each point covers. */
function resample(values: readonly number[], width: number): number[] {
  if (width <= 0) return [];
  // Fewer points than cells: right-align, older cells stay empty.
  if (values.length <= width) return [...new Array<number>(width - values.length).fill(0), ...values];
  const out = new Array<number>(width).fill(0);
  for (let i = 0; i < values.length; i++) {
    const cell = Math.min(width - 1, Math.floor((i * width) / values.length));
    out[cell] = (out[cell] ?? 0) + (values[i] ?? 0);
  }
  return out;
}

/** `width` cells of blocks; zero is the lowest block, so a dead agency reads as a flat line. */
export function sparkline(values: readonly number[], width: number): string {
  const points = resample(values, width);
  const max = Math.max(0, ...points);
  let out = '';
  for (const v of points) {
    const level = max > 0 && v > 0 ? Math.max(1, Math.ceil((v / max) * (BLOCKS.length - 1))) : 0;
    out += BLOCKS[Math.min(level, BLOCKS.length - 1)];
  }
  return out;
}
