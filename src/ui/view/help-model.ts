/** Help, generated from the key-bindings tables: one row per binding, grouped by table. */
import type { MessageKey, Translate } from '../i18n/translate.js';
import { wrapWhole } from '../text/fit.js';
import { type BindingTable, shownKeys } from '../keys/bindings.js';
import { column, type ListSpec } from './list-spec.js';
import { INCIDENT_TAGS } from './incident-marks.js';

/** A row of Help; a group's title has no `keys`; `keysKey`, keys in the reader's words (incident marks), replaces them. */
type HelpLine = Readonly<{
  id: string;
  keys: string | null;
  text: MessageKey;
  order: number;
  keysKey?: MessageKey;
  /** One line of the text in the reader's words, when it is wrapped (`wrapHelp`); the text's key otherwise. */
  shown?: string;
}>;

/** The marks the console draws, each with what it means; listed after the keys. */
const MARKS: readonly { readonly mark: string; readonly text: MessageKey }[] = [
  { mark: '›', text: 'help.mark.cursor' },
  { mark: '•', text: 'help.mark.changed' },
  { mark: '*', text: 'help.mark.marked' },
  { mark: '▲/▼', text: 'help.mark.sort' },
  { mark: '▁▃▅█', text: 'help.mark.spark' },
  { mark: '…', text: 'help.mark.cut' },
  { mark: '●', text: 'help.mark.link' },
  { mark: '⚠', text: 'help.mark.alerts' },
  { mark: '‖', text: 'help.mark.replayPaused' },
];

/** What the incidents put on screen: in each language's words (`key`), or the same in all (`mark`). */
const INCIDENT_HELP: readonly { readonly key?: MessageKey; readonly mark?: string; readonly text: MessageKey }[] = [
  { key: 'severity.critical', text: 'help.incident.critical' },
  { key: 'severity.warning', text: 'help.incident.warning' },
  { key: 'alertState.firing', text: 'help.incident.firing' },
  { key: 'alertState.pending', text: 'help.incident.pending' },
  { key: 'alertState.acknowledged', text: 'help.incident.acked' },
  { mark: '+N', text: 'help.incident.folded' },
  ...INCIDENT_TAGS.map((tag) => ({ key: `incident.${tag}`, text: `help.incident.${tag}` }) as const),
  { mark: 'Enter', text: 'help.incident.enter' },
];

/** Bindings that share a help text (1…6, ↑ and ↓ variants) are listed once; the marks follow. */
export function helpLines(tables: readonly BindingTable[]): HelpLine[] {
  const out: HelpLine[] = [];
  for (const table of tables) {
    out.push({ id: table.id, keys: null, text: `help.group.${table.id}`, order: out.length });
    for (const b of table.bindings.filter((b, i, all) => all.findIndex((x) => x.help === b.help) === i))
      out.push({ id: `${table.id}:${b.action}`, keys: shownKeys(b), text: b.help, order: out.length });
  }
  out.push({ id: 'marks', keys: null, text: 'help.group.marks', order: out.length });
  for (const m of MARKS) out.push({ id: `mark:${m.text}`, keys: m.mark, text: m.text, order: out.length });
  out.push({ id: 'incidents', keys: null, text: 'help.group.incidents', order: out.length });
  for (const { key, mark, text } of INCIDENT_HELP)
    out.push({ id: `incident:${text}`, keys: mark ?? '', text, order: out.length, ...(key && { keysKey: key }) });
  return out;
}

/** Each binding's text in lines of `width` cells, broken between words: its keys on the first, none on the rest. */
export function wrapHelp(lines: readonly HelpLine[], t: Translate, width: number): HelpLine[] {
  if (!Number.isFinite(width)) return [...lines];
  let order = 0;
  return lines.flatMap((h) => {
    const lines = h.keys === null ? [] : wrapWhole(t(h.text), width);
    if (lines.length <= 1) return [{ ...h, order: order++ }];
    return lines.map((shown, i) =>
      i === 0 ? { ...h, shown, order: order++ } : { id: `${h.id}:${i}`, keys: '', text: h.text, shown, order: order++ },
    );
  });
}

const col = column<HelpLine>;
export const helpSpec: ListSpec<HelpLine> = {
  columns: [
    col({ id: 'keys', title: 'help.title', min: 10, max: 10, priority: 0 }).shows((h, { t }) => ({
      text: `  ${h.keysKey ? t(h.keysKey) : (h.keys ?? '')}`,
      role: 'emphasis',
    })),
    col({ id: 'text', title: 'help.close', min: 30, flex: 1, priority: 0 }).shows((h, { t }) => ({
      text: h.shown ?? t(h.text),
    })),
  ],
  defaultSort: { column: 'order', desc: false },
  key: (h) => h.id,
  // A group's title is wider than the keys column: it spans the row.
  heading: (h, { t }) => (h.keys === null ? { text: t(h.text), role: 'emphasis' } : null),
  fallbackSort: (h) => h.order,
  searchText: (h) => `${h.keys ?? ''} ${h.text}`.toLowerCase(),
};
