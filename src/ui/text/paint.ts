/**
 * Styling a line ourselves as Ink's `<Text>` does: with the chalk Ink draws with (so colour support and NO_COLOR are
 * honoured alike), in the same order of attributes, an outer style around the pieces' own.
 */
import chalk from 'chalk';
import type { Style } from '../theme/theme.js';

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

type StyledText = { readonly text: string; readonly style?: Style | undefined };

/** One line as a string with escape codes: each piece in its style, `outer` around them all. */
export function paintLine(pieces: readonly StyledText[], outer?: Style): string {
  let inner = '';
  for (const { text, style } of pieces) if (text) inner += styleText(text, style);
  return styleText(inner, outer);
}
