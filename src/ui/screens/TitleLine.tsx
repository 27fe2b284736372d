/** The line above a list: what it is, its filters, how many rows — or the filter being typed. */
import { useUi } from '../context.js';
import { Line, TextLine } from '../components/Line.js';
import { fit, widthOf } from '../text/fit.js';
import { formatCount } from '../text/format-number.js';
import type { ListView } from '../hooks/use-list-view.js';
import type { Style } from '../theme/theme.js';

/** Columns of the title kept at least when the count and filter take the rest. */
const MIN_TITLE = 12;

type Props = { title: string; extra?: string | undefined; view: ListView | null; editing: boolean; width: number };

export function TitleLine(props: Props) {
  const { t, theme, lang } = useUi();
  const { view, editing, width } = props;
  if (editing && view)
    return <Prompt prompt={t('filter.prompt')} text={view.query} width={width} style={theme.keys.key} />;
  const count = view
    ? view.query
      ? `${t('filter.active', { text: view.query })} ${t('filter.matches', { n: formatCount(view.rows.length, lang), total: formatCount(view.total, lang) })}`
      : formatCount(view.rows.length, lang)
    : '';
  const countWidth = widthOf(count);
  // A long title is cut before the count and the filter: a filter out of sight hides rows unsaid.
  if (countWidth + 1 + MIN_TITLE > width) return <TextLine text={props.title} style={theme.text.title} width={width} />;
  const title = widthOf(props.title) + countWidth + 1 > width ? fit(props.title, width - countWidth - 1) : props.title;
  const titleWidth = widthOf(title);
  // The count (and the filter) before the extra: the extra is cut, or left out, to keep them.
  const spare = width - titleWidth - countWidth - 1;
  let extra = props.extra ? ` · ${props.extra}` : '';
  if (widthOf(extra) > spare) extra = spare >= 8 ? fit(extra, spare) : '';
  const room = width - titleWidth - widthOf(extra);
  const segments = [
    { text: title, style: theme.text.title },
    { text: extra, style: theme.text.muted },
    { text: fit(count, room, 'right'), style: view?.query ? theme.status.warn : theme.text.muted },
  ];
  return <Line segments={segments} width={width} />;
}

/** A line being typed: its prompt, the text so far and a cursor. */
export function Prompt({ prompt, text, width, style }: { prompt: string; text: string; width: number; style?: Style }) {
  const typed = fit(`${text}▏`, Math.max(1, width - widthOf(prompt)));
  return <Line segments={[{ text: prompt, style }, { text: typed }]} />;
}
