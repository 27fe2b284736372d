/** The line above a list: what it is, its filters, how many rows — or the filter being typed. */
import { useUi } from '../context.js';
import { Line, type Segment } from '../components/Line.js';
import { fit, widthOf } from '../text/fit.js';
import { formatCount } from '../text/format-number.js';
import type { ListView } from '../hooks/use-list-view.js';

export function TitleLine(props: {
  title: string;
  extra?: string;
  view: ListView | null;
  editing: boolean;
  width: number;
}) {
  const { t, theme, lang } = useUi();
  const { view, editing, width } = props;
  if (editing && view) {
    const prompt = t('filter.prompt');
    const text = fit(`${view.query}▏`, Math.max(1, width - widthOf(prompt)));
    return <Line segments={[{ text: prompt, style: theme.keys.key }, { text }]} />;
  }
  const count = view
    ? view.query
      ? `${t('filter.active', { text: view.query })} ${t('filter.matches', { n: formatCount(view.rows.length, lang), total: formatCount(view.total, lang) })}`
      : formatCount(view.rows.length, lang)
    : '';
  const left: Segment[] = [{ text: props.title, style: theme.text.title }];
  if (props.extra) left.push({ text: ` · ${props.extra}`, style: theme.text.muted });
  const leftWidth = left.reduce((s, x) => s + widthOf(x.text), 0);
  const room = width - leftWidth;
  if (room < widthOf(count) + 1)
    return (
      <Line
        segments={[{ text: fit(props.title + (props.extra ? ` · ${props.extra}` : ''), width) }]}
        style={theme.text.title}
      />
    );
  return (
    <Line
      segments={[
        ...left,
        { text: fit(count, room, 'right'), style: view?.query ? theme.status.warn : theme.text.muted },
      ]}
    />
  );
}
