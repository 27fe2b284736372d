import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Line, type Segment } from '../../src/ui/components/Line.js';
import { UiProvider, uiSettings } from '../../src/ui/context.js';
import { colourTheme, monoTheme, type Style } from '../../src/ui/theme/theme.js';

/**
 * A line of known width is painted by the console, not by Ink's `<Text>`: with colours on,
 * the terminal must receive the very frame Ink's nested `<Text>`s give.
 */
const drawn = (segments: Segment[], style: Style | undefined, width: number | undefined, ascii = false): string => {
  const app = render(
    <UiProvider value={uiSettings('vi', colourTheme, ascii)}>
      <Line segments={segments} style={style} width={width} />
    </UiProvider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
};

describe('painted line', () => {
  let level = chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });

  const t = colourTheme;
  const row: Segment[] = [
    { text: '›' },
    { text: 'Sở Y tế Nghệ An  ' },
    { text: ' ' },
    { text: '12,5%', style: t.status.critical },
    { text: ' ' },
    { text: 'đã ngắt', style: t.status.warn },
    { text: ' ▁▃█', style: t.text.muted },
  ];
  const width = 1 + 17 + 1 + 5 + 1 + 7 + 4;
  const cases: [string, Style | undefined][] = [
    ['plain', undefined],
    ['selected', t.table.selected],
    ['changed', t.table.changed],
    ['header', t.table.header],
    ['banner', t.header.bannerOffline],
    ['mono muted', monoTheme.text.muted],
  ];

  it.each(cases)('gives the frame of nested <Text>s (%s)', (_name, style) => {
    const painted = drawn(row, style, width);
    expect(painted).toContain('\u001b[');
    expect(painted).toBe(drawn(row, style, undefined));
  });

  it('folds to ASCII as the rest of the console does', () => {
    expect(drawn(row, undefined, width, true)).toBe(drawn(row, undefined, undefined, true));
    expect(drawn(row, undefined, width, true)).toContain('So Y te Nghe An');
  });
});

describe('the chalk lines are painted with', () => {
  it('is the one Ink resolves, so colour levels agree', async () => {
    const { createRequire } = await import('node:module');
    const inkChalk = createRequire(createRequire(import.meta.url).resolve('ink')).resolve('chalk');
    expect(inkChalk).toBe(createRequire(import.meta.url).resolve('chalk'));
  });
});
