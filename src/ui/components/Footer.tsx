/** Key hints for the view on screen, taken from its bindings tables: the most important that fit. */
import { memo } from 'react';
import { useUi } from '../context.js';
import { fitHints, hintsFor, HINT_GAP, type KeyContext } from '../keys/bindings.js';
import { widthOf } from '../text/fit.js';
import { Line, type Segment } from './Line.js';

const gap = ' '.repeat(HINT_GAP);

export const Footer = memo(function Footer(props: { context: KeyContext; replay: boolean; width: number }) {
  const { context, replay, width } = props;
  const { t, theme } = useUi();
  const hints = fitHints(hintsFor(context, replay), width, (b) => (b.hint ? t(b.hint) : ''));
  const segments: Segment[] = hints.flatMap((h) => [
    { text: h.keys, style: theme.keys.key },
    { text: ` ${h.label}${gap}`, style: theme.keys.label },
  ]);
  return <Line segments={segments} width={segments.reduce((n, s) => n + widthOf(s.text), 0)} />;
});
