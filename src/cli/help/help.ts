/** A command's `--help` in either language from one declaration: what both languages share is written once. */
import type { Lang } from '../../config/settings.js';
import { inLang, type Pair } from '../../messages.js';
import { cliTranslator } from '../command.js';

/** What `hubmon --help` and `hubmon NAME --help` say of one command. */
export interface Help {
  /** One line for `hubmon --help`. */
  readonly summary: Pair;
  /** What follows `hubmon` on the usage line: the command and its arguments. */
  readonly usage: string | Pair;
  /** What the command does, under the usage line. */
  readonly about: Pair;
  /** Its options but `-h, --help`, under the heading (the console's followed by a paragraph). */
  readonly options: Pair;
  /** Example lines, one language's comment where they differ. */
  readonly examples: readonly (string | Pair)[];
}

const pick = (text: string | Pair, lang: Lang): string => (typeof text === 'string' ? text : inLang(text, lang));

export function helpText(help: Help, lang: Lang): string {
  const t = cliTranslator(lang);
  const lines = inLang(help.options, lang).split('\n');
  // `-h, --help` after the last long option (`-V` stays last), its description in the same column.
  const last = lines.findLastIndex((line) => /^ {2}--/.test(line));
  const column = / {2}\S.*? {2,}/.exec(lines[last]!)?.[0].length ?? 0;
  lines.splice(last + 1, 0, `${'  -h, --help'.padEnd(column)}${t('help.help')}`);
  const examples = help.examples.map((line) => `  ${pick(line, lang)}`);
  const several = examples.filter((line) => /^ {2}\S/.test(line)).length > 1;
  const heading = t(several ? 'help.examples' : 'help.example');
  const usage = t('help.usage', { usage: pick(help.usage, lang) });
  const text = [usage, '', inLang(help.about, lang), '', t('help.options'), ...lines, '', heading, ...examples, ''];
  return text.join('\n');
}
