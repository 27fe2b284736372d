/** Perfdata as Nagios plugin guidelines write it: `'label'=value[UOM];[warn];[crit];[min];[max]`. */
export interface PerfDatum {
  readonly label: string;
  readonly value: number;
  /** '', 's', 'ms', '%', 'B', 'c' (a counter that only grows). */
  readonly uom?: '' | 's' | 'ms' | '%' | 'B' | 'c';
  readonly warn?: number;
  readonly crit?: number;
  readonly min?: number;
  readonly max?: number;
}

const num = (n: number | undefined): string =>
  n === undefined || !Number.isFinite(n) ? '' : String(Math.round(n * 100) / 100);

/** A label is quoted when it holds anything but letters, digits and `_.-` (the guidelines' rule). */
const label = (text: string): string => (/^[A-Za-z0-9_.-]+$/.test(text) ? text : `'${text.replace(/'/g, "''")}'`);

export function formatPerfDatum(d: PerfDatum): string {
  const tail = [num(d.warn), num(d.crit), num(d.min), num(d.max)];
  while (tail.length > 0 && tail[tail.length - 1] === '') tail.pop();
  return `${label(d.label)}=${num(d.value)}${d.uom ?? ''}${tail.length ? `;${tail.join(';')}` : ''}`;
}

export const formatPerfData = (data: readonly PerfDatum[]): string => data.map(formatPerfDatum).join(' ');
