/**
 * The top of an agency's detail: who it is, its security server, its throughput over the last hour and day, its status
 * funnel 01→06 and its signature failures by reason.
 */
import { Box } from 'ink';
import { STATUS_CODES } from '../../protocol/index.js';
import type { SignatureFailure } from '../../metrics/types.js';
import { useUi } from '../context.js';
import { clip, Line, type Segment } from '../components/Line.js';
import { roleStyle } from '../components/Table.js';
import { fit, widthOf } from '../text/fit.js';
import { formatCount, formatFlows, formatPercent } from '../text/format-number.js';
import { formatDurationShort } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { sparkline } from '../text/sparkline.js';
import { DETAIL_SECTIONS } from '../state/routes.js';
import { levelRole, serverStateKey } from '../view/agencies-spec.js';
import { CERT_WARN_MS } from '../view/servers-spec.js';
import type { DetailData } from '../view/agency-loads.js';
import { reasonKey } from '../view/signatures-spec.js';

/** Lines above the section's table. */
export const DETAIL_CHROME = 8;

const FUNNEL_CODES = STATUS_CODES.filter((c) => c <= '06');

/** `notReported`: what the hub said it cannot tell (a gateway over X-Road has no processing statuses). */
type Props = { detail: DetailData; now: number; width: number; notReported: readonly string[] };

export function AgencySummary(props: Props) {
  const { detail, now, width } = props;
  const { t, theme, lang } = useUi();
  const a = detail.agency;
  const muted = theme.text.muted;
  const sep: Segment = { text: ' · ', style: muted };
  const title: Segment[] = [{ text: a.fullName, style: theme.text.title }];
  if (detail.parentName) title.push({ text: ` ‹ ${detail.parentName}`, style: muted });
  const span = (ms: number): string => formatDurationShort(ms, lang);
  const count = (n: number): string => formatCount(n, lang);
  const serverSince = a.serverSince === null ? '' : ` ${span(now - a.serverSince)}`;
  // Its server's certificate, when it has expired or soon will.
  const certLeft = (detail.server?.certificateExpiresAt ?? Infinity) - now;
  const certificate: Segment[] =
    certLeft >= CERT_WARN_MS
      ? []
      : certLeft <= 0
        ? [sep, { text: t('detail.certExpired', { ago: span(-certLeft) }), style: theme.status.critical }]
        : [sep, { text: t('detail.certExpires', { left: span(certLeft) }), style: theme.status.warn }];
  const conn = t(`conn.${a.connection}`);
  const server = sanitize(a.serverId);
  const identity: Segment[] = [
    { text: t('detail.identity', { id: a.id, level: a.level, conn, server, state: '' }).trimEnd() },
    { text: ' ' },
    { text: `${t(serverStateKey(a.serverState))}${serverSince}`, style: roleStyle(theme, levelRole(a.status.server)) },
    ...certificate,
    ...(a.childCount > 0 ? [{ text: ` · ${t('detail.units', { n: count(a.childCount) })}` }] : []),
  ];
  // Its own overdue replies, as the Overview and Deadlines count them; with its units' too when they add any, as the
  // lists of agencies count them.
  const overdue =
    a.total.overdue === a.own.overdue
      ? count(a.own.overdue)
      : t('detail.overdueWithUnits', { own: count(a.own.overdue), total: count(a.total.overdue) });
  const flows = formatFlows(a.own.sentPerMin, a.own.receivedPerMin, lang, t);
  const rates = t('detail.rates', { ...flows, sig: formatPercent(a.sigRate, lang), overdue });
  const label = (text: string): Segment => ({ text: fit(text, 10) + ' ', style: muted });
  const chart = (name: string, series: readonly number[]): Segment[] => {
    const tail = ` ${count(Math.max(0, ...series))}`;
    return [
      label(name),
      { text: sparkline(series, Math.max(1, width - 11 - widthOf(tail))), style: theme.status.ok },
      { text: tail, style: muted },
    ];
  };
  const funnel: Segment[] = [label(t('detail.funnel'))];
  const f = detail.feedback?.funnel;
  if (props.notReported.includes('statuses')) funnel.push({ text: t('notReported.statuses'), style: muted });
  else
    FUNNEL_CODES.forEach((code, i) => {
      if (i > 0) funnel.push({ text: ' › ', style: muted });
      funnel.push({ text: `${code} `, style: theme.text.emphasis }, { text: count(f?.[code] ?? 0) });
    });
  const reasons: Segment[] = [label(t('detail.sigReasons'))];
  const failed = (Object.entries(detail.signatures?.byReason ?? {}) as [SignatureFailure, number][])
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1]);
  if (failed.length === 0) reasons.push({ text: t('detail.noSigFailures'), style: theme.status.ok });
  failed.forEach(([reason, n], i) => {
    if (i > 0) reasons.push(sep);
    reasons.push({ text: `${t(reasonKey(reason))} ` }, { text: count(n), style: theme.status.warn });
  });
  const tabs: Segment[] = DETAIL_SECTIONS.flatMap((s) => {
    const active = s === detail.section;
    const text = t(`detail.section.${s}`);
    return [
      { text: active ? `[${text}]` : ` ${text} `, style: active ? theme.header.tabActive : theme.header.tab },
      { text: ' ' },
    ];
  });
  tabs.push({ text: t('detail.sectionsHint'), style: muted });
  const charts = (['hour', 'day'] as const).map((k) => chart(t(`detail.${k}`), detail[k]));
  const lines = [title, identity, [{ text: rates }], ...charts, funnel, reasons, tabs];
  return (
    <Box flexDirection="column">
      {lines.map((segments, i) => (
        <Line key={i} segments={clip(segments, width)} />
      ))}
    </Box>
  );
}
