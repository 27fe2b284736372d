/** National totals, the worst agencies in each of the four concerns, and the firing alerts. */
import { Box } from 'ink';
import { memo } from 'react';
import { WINDOW_MS, type NationalTotals, type WindowKey } from '../../metrics/types.js';
import type { AlertView } from '../data/sources.js';
import { useUi } from '../context.js';
import { Line, TextLine } from '../components/Line.js';
import { fit, widthOf } from '../text/fit.js';
import { formatCount, formatFlows, formatPercent } from '../text/format-number.js';
import { formatDurationShort } from '../text/format-time.js';
import type { Quiet } from '../status/link.js';
import type { Style } from '../theme/theme.js';
import { alertText } from '../view/alerts-spec.js';
import { perObject } from '../view/same-data.js';

type TotalsProps = { totals: NationalTotals; window: WindowKey; width: number; notReported: readonly string[] };

/** Deadlines in `notReported`: the hub cannot tell them (a gateway to X-Road), so none are counted. */
export const TotalsLines = memo(function TotalsLines({ totals, window, width, notReported }: TotalsProps) {
  const deadlinesReported = !notReported.includes('deadlines');
  const { t, theme, lang } = useUi();
  // Before the hub's registry is stored (the first seconds of a first catch-up) there is nothing to count yet.
  if (totals.agencies === 0 && totals.servers === 0)
    return <TextLine text={t('overview.noRegistry')} style={theme.text.muted} width={width} />;
  const sigRate = totals.signaturesVerified > 0 ? totals.signaturesFailed / totals.signaturesVerified : null;
  // A cache younger than the window: the rates are over the part it holds, and say so.
  const covered = totals.coveredMinutes * 60_000 < WINDOW_MS[window];
  const traffic = t(covered ? 'overview.trafficCovered' : 'overview.traffic', {
    ...formatFlows(totals.sentPerMin, totals.receivedPerMin, lang, t),
    active: formatCount(totals.agenciesActive, lang),
    agencies: formatCount(totals.agencies, lang),
    span: formatDurationShort(totals.coveredMinutes * 60_000, lang),
    w: t(`window.${window}`),
  });
  const health = t(deadlinesReported ? 'overview.health' : 'overview.healthNoDeadlines', {
    down: formatCount(totals.serversDown, lang),
    degraded: formatCount(totals.serversDegraded, lang),
    servers: formatCount(totals.servers, lang),
    sigRate: formatPercent(sigRate, lang),
    overdue: formatCount(totals.overdueReplies, lang),
    due: formatCount(totals.dueWithin24h, lang),
  });
  const bad = totals.serversDown > 0 || (deadlinesReported && totals.overdueReplies > 0);
  return (
    <Box flexDirection="column">
      <TextLine text={traffic} width={width} />
      <TextLine text={health} style={bad ? theme.status.warn : undefined} width={width} />
    </Box>
  );
});

/**
 * An alert's summary fitted to a width, kept with the alert: the list is redrawn every 2 s for its ages, and fitting
 * Vietnamese text walks it grapheme by grapheme.
 */
const fittedBodies = perObject((_: AlertView) => new Map<number, string>());
function fittedBody(a: AlertView, width: number): string {
  const byWidth = fittedBodies(a);
  let body = byWidth.get(width);
  if (body === undefined) byWidth.set(width, (body = fit(alertText(a), width)));
  return body;
}

/** `quiet`: how far "no alert is firing" can be trusted (see `judgeQuiet`). */
type FiringProps = { alerts: readonly AlertView[]; lines: number; now: number; width: number; quiet: Quiet };

export const FiringAlerts = memo(function FiringAlerts(props: FiringProps) {
  const { t, theme, lang } = useUi();
  const { alerts, lines, now, width, quiet } = props;
  const shown = alerts.slice(0, lines);
  const more = alerts.length - shown.length;
  const line = (text: string, style: Style) => <TextLine text={text} style={style} width={width} />;
  return (
    <Box flexDirection="column" flexShrink={0}>
      {line(`${t('overview.alerts')} (${alerts.length})`, theme.text.title)}
      {alerts.length === 0
        ? line(` ${t(`overview.quiet.${quiet}`)}`, quiet === 'live' ? theme.status.ok : theme.text.muted)
        : shown.map((a) => {
            const sev = fit(t(`severity.${a.severity}`), 5);
            const age = formatDurationShort(now - a.since, lang);
            const bodyWidth = Math.max(1, width - 8 - age.length);
            return (
              <Line
                key={a.id}
                segments={[
                  { text: ' ' },
                  { text: sev, style: a.severity === 'critical' ? theme.status.critical : theme.status.warn },
                  { text: ` ${fittedBody(a, bodyWidth)} ` },
                  { text: age, style: theme.text.muted },
                ]}
                width={8 + bodyWidth + widthOf(age)}
              />
            );
          })}
      {more > 0 ? line(` ${t('overview.moreIncidents', { n: formatCount(more, lang) })}`, theme.text.muted) : null}
    </Box>
  );
});
