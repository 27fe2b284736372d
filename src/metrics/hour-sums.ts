import { columnEnd, firstColumn } from '../store/hour-packs.js';
import { COL, ROLLUP_COLUMNS, type RollupColumn } from '../store/rollup-columns.js';
import type { HourPack } from './rollup-rows.js';
import { Tally } from './tally.js';

/** Per agency, the sums of `columns` (in that order) over the packs. */
export function hourSums(packs: readonly HourPack[], columns: readonly RollupColumn[]): Tally {
  // Each rollup column's place among `columns`, or −1 for one not asked for.
  const slotOf = new Int32Array(ROLLUP_COLUMNS.length).fill(-1);
  columns.forEach((c, k) => (slotOf[ROLLUP_COLUMNS.indexOf(c)] = k));
  const out = new Tally(columns.length);
  for (const { words } of packs) {
    // Every agency of the hour has data, whichever columns its counts are in.
    const start = firstColumn(words);
    for (let j = 1; j < start; j++) out.slot(words[j]!);
    for (let i = start; i < words.length; i = columnEnd(words, i)) {
      const k = slotOf[words[i]!] ?? -1;
      if (k < 0) continue;
      const end = columnEnd(words, i);
      for (let j = i + 2; j < end; j += 2) {
        const at = out.slot(words[j]!) + k;
        out.sums[at] = out.sums[at]! + words[j + 1]!;
      }
    }
  }
  return out;
}

/** Each folded hour's sent and received, for the sparklines: every agency of the hour (ids ascending), zeros too. */
export function hourTraffic(packs: readonly HourPack[]) {
  return packs.map(({ hour, words }) => {
    const start = firstColumn(words);
    const agencies = words.slice(1, start);
    const sent = new Float64Array(agencies.length);
    const received = new Float64Array(agencies.length);
    for (let i = start; i < words.length; i = columnEnd(words, i)) {
      const into = words[i] === COL.sent ? sent : words[i] === COL.received ? received : null;
      if (into === null) continue;
      // A column's agencies ascend, as the hour's do: each found by walking on.
      const end = columnEnd(words, i);
      for (let j = i + 2, r = 0; j < end; j += 2) {
        while (r < agencies.length && agencies[r]! < words[j]!) r++;
        if (agencies[r] === words[j]) into[r] = words[j + 1]!;
      }
    }
    return { hour, agencies, sent, received };
  });
}
