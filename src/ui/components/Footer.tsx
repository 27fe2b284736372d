/** Key hints for the view on screen, taken from its bindings tables, as many as fit. */
import { useUi } from '../context.js';
import { hintsFor, shownKeys, type KeyContext } from '../keys/index.js';
import { widthOf } from '../text/fit.js';
import { Line, type Segment } from './Line.js';

export function Footer({ context, replay = false, width }: { context: KeyContext; replay?: boolean; width: number }) {
  const { t, theme } = useUi();
  const segments: Segment[] = [];
  let used = 0;
  for (const b of hintsFor(context, replay)) {
    const keys = shownKeys(b);
    const label = b.hint ? t(b.hint) : '';
    const cost = widthOf(keys) + 1 + widthOf(label) + 2;
    if (used + cost > width) break;
    segments.push({ text: keys, style: theme.keys.key }, { text: ` ${label}  `, style: theme.keys.label });
    used += cost;
  }
  return <Line segments={segments} />;
}
