/**
 * Colours only through named roles. The colour theme uses the 16 basic colour names, which every terminal, the Linux
 * console (`TERM=linux`) included, can show; the monochrome theme, for `NO_COLOR`, uses bold, dim, underline, inverse.
 */
import type { TextProps } from 'ink';

/** How one role is drawn: a subset of Ink's `<Text>` props. */
export type Style = Pick<TextProps, 'color' | 'backgroundColor' | 'bold' | 'dimColor' | 'underline' | 'inverse'>;

export const colourTheme = {
  name: 'colour' as const,
  text: { normal: {}, muted: { color: 'gray' }, emphasis: { bold: true }, title: { color: 'cyan', bold: true } },
  status: {
    ok: { color: 'green' },
    warn: { color: 'yellow' },
    critical: { color: 'red', bold: true },
    unknown: { color: 'gray' },
  },
  header: {
    title: { color: 'cyan', bold: true },
    demo: { color: 'black', backgroundColor: 'magenta', bold: true },
    tab: { color: 'gray' },
    tabActive: { color: 'cyan', bold: true, underline: true },
    bannerOffline: { color: 'white', backgroundColor: 'red', bold: true },
    bannerStale: { color: 'black', backgroundColor: 'yellow' },
    paused: { color: 'black', backgroundColor: 'yellow', bold: true },
  },
  table: {
    header: { color: 'cyan', bold: true },
    selected: { inverse: true },
    changed: { color: 'blueBright', bold: true },
  },
  flash: { info: { color: 'gray' }, error: { color: 'red' } },
  keys: { key: { color: 'cyan', bold: true }, label: { color: 'gray' } },
};

/** The theme's named roles, by group: those of the colour theme, every other theme giving each its style. */
export type Theme = { readonly name: 'colour' | 'mono' } & {
  readonly [G in Exclude<keyof typeof colourTheme, 'name'>]: { readonly [R in keyof (typeof colourTheme)[G]]: Style };
};

export const monoTheme: Theme = {
  name: 'mono',
  text: { normal: {}, muted: { dimColor: true }, emphasis: { bold: true }, title: { bold: true } },
  status: { ok: {}, warn: { underline: true }, critical: { bold: true }, unknown: { dimColor: true } },
  header: {
    title: { bold: true },
    demo: { inverse: true, bold: true },
    tab: {},
    tabActive: { bold: true, underline: true },
    bannerOffline: { inverse: true, bold: true },
    bannerStale: { inverse: true },
    paused: { inverse: true },
  },
  table: { header: { bold: true }, selected: { inverse: true }, changed: { bold: true } },
  flash: { info: {}, error: { bold: true } },
  keys: { key: { bold: true }, label: {} },
};

/** `NO_COLOR` (any non-empty value, per no-color.org) or a dumb terminal → monochrome. */
export const themeFromEnv = (env: Readonly<Record<string, string | undefined>>): Theme =>
  env['NO_COLOR'] || env['TERM'] === 'dumb' ? monoTheme : colourTheme;
