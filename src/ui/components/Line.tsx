/**
 * One terminal line made of styled segments. Unstyled neighbours are merged so a table row
 * costs a handful of nodes, which keeps Ink's render time flat as rows are added.
 *
 * A line whose display width the caller already knows (a table row: every cell was fitted)
 * reaches Ink as blanks of that width and is painted over them: Ink measures every text on
 * every frame with string-width, grapheme by grapheme, while blanks take its ASCII shortcut
 * (docs/PERFORMANCE.md).
 */
import { Text, Transform } from 'ink';
import { memo, useCallback, useMemo } from 'react';
import type { Style } from '../theme/theme.js';
import { useUi } from '../context.js';
import { paintLine } from '../text/paint.js';

export interface Segment {
  readonly text: string;
  readonly style?: Style;
}

interface LineProps {
  readonly segments: readonly Segment[];
  readonly style?: Style;
  /** The line's display width, when the caller knows it exactly. */
  readonly width?: number;
}

export const Line = memo(function Line({ segments, style, width }: LineProps) {
  const { show } = useUi();
  const parts = useMemo(() => {
    const merged: Segment[] = [];
    for (const seg of segments) {
      const last = merged[merged.length - 1];
      if (last && !last.style && !seg.style) merged[merged.length - 1] = { text: last.text + seg.text };
      else merged.push(seg);
    }
    return merged.map((p) => ({ text: show(p.text), style: p.style }));
  }, [segments, show]);
  const painted = useMemo(() => (width === undefined ? '' : paintLine(parts, style)), [parts, style, width]);
  const paint = useCallback(() => painted, [painted]);
  if (width !== undefined) return <Transform transform={paint}>{' '.repeat(width)}</Transform>;
  return (
    <Text wrap="truncate-end" {...style}>
      {parts.map((p, i) =>
        p.style ? (
          <Text key={i} {...p.style}>
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
});
