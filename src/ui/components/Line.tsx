/**
 * One terminal line of styled segments, unstyled neighbours merged. A line whose width the caller knows (a table row)
 * reaches Ink as blanks painted over: Ink measures every text grapheme by grapheme, blanks by its ASCII shortcut. We
 * paint as Ink's `<Text>` does: with the chalk Ink draws with (so colour support and NO_COLOR are honoured alike), in
 * the same order of attributes, an outer style around the pieces' own.
 */
import chalk from 'chalk';
import { Text, Transform } from 'ink';
import { memo, useCallback, useMemo } from 'react';
import type { Style } from '../theme/theme.js';
import { useUi } from '../context.js';
import { fit, widthOf } from '../text/fit.js';

export type Segment = { readonly text: string; readonly style?: Style };

type Painter = (text: string) => string;

const named = (name: string, background: boolean): Painter | undefined => {
  const key = background ? `bg${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` : name;
  const painter = (chalk as unknown as Record<string, unknown>)[key];
  return typeof painter === 'function' ? (painter as Painter) : undefined;
};

/** The transform of Ink's `<Text>` (ink/build/components/Text.js) for the theme's named colours. */
function styleText(text: string, style: Style | undefined): string {
  if (!style) return text;
  let out = text;
  if (style.dimColor) out = chalk.dim(out);
  if (style.color) out = named(style.color, false)?.(out) ?? out;
  if (style.backgroundColor) out = named(style.backgroundColor, true)?.(out) ?? out;
  if (style.bold) out = chalk.bold(out);
  if (style.underline) out = chalk.underline(out);
  if (style.inverse) out = chalk.inverse(out);
  return out;
}

/** One line as a string with escape codes: each piece in its style, `outer` around them all. */
function paintLine(pieces: readonly Segment[], outer?: Style): string {
  let inner = '';
  for (const { text, style } of pieces) if (text) inner += styleText(text, style);
  return styleText(inner, outer);
}

/** The segments that fit `width` cells, the last one cut to fit. */
export function clip(segments: readonly Segment[], width: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const s of segments) {
    const w = widthOf(s.text);
    if (used + w > width) {
      if (width - used > 0) out.push({ ...s, text: fit(s.text, width - used) });
      break;
    }
    out.push(s);
    used += w;
  }
  return out;
}

type LineProps = { readonly segments: readonly Segment[]; readonly style?: Style; readonly width?: number };

/** `width`: the line's display width, when the caller knows it exactly. */
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

/** One text, cut or padded to the line's `width` cells. */
export const TextLine = memo(function TextLine(props: { text: string; style?: Style | undefined; width: number }) {
  return <Line segments={[{ text: fit(props.text, props.width) }]} style={props.style} width={props.width} />;
});
