/**
 * One terminal line made of styled segments. Unstyled neighbours are merged so a table row
 * costs a handful of nodes, which keeps Ink's render time flat as rows are added.
 */
import { Text } from 'ink';
import { memo } from 'react';
import type { Style } from '../theme/theme.js';
import { useUi } from '../context.js';

export interface Segment {
  readonly text: string;
  readonly style?: Style;
}

export const Line = memo(function Line({ segments, style }: { segments: readonly Segment[]; style?: Style }) {
  const { show } = useUi();
  const parts: Segment[] = [];
  for (const seg of segments) {
    const last = parts[parts.length - 1];
    if (last && !last.style && !seg.style) parts[parts.length - 1] = { text: last.text + seg.text };
    else parts.push(seg);
  }
  return (
    <Text wrap="truncate-end" {...style}>
      {parts.map((p, i) =>
        p.style ? (
          <Text key={i} {...p.style}>
            {show(p.text)}
          </Text>
        ) : (
          show(p.text)
        ),
      )}
    </Text>
  );
});
