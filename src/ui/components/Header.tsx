/**
 * The two lines on top of every screen: who the hub is and how the link to it is, then the screens and the alert
 * counts. Pieces that do not fit a narrow terminal drop off the end.
 */
import { Box } from 'ink';
import { useUi } from '../context.js';
import type { ReplayStatus } from '../data/sources.js';
import type { Snapshot } from '../data/screen-loader.js';
import { SCREENS } from '../state/routes.js';
import { baseScreen, type ConsoleState } from '../state/state.js';
import { judgeLink, judgeQuiet, linkDown, linkRole } from '../status/link.js';
import { fit, truncate, widthOf } from '../text/fit.js';
import { formatCount, formatRate } from '../text/format-number.js';
import { formatAgo, formatDateTime } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import type { Style } from '../theme/theme.js';
import { Line, type Segment } from './Line.js';

/** The header's words when no alert fires and the figures cannot give an all-clear. */
const QUIET_WORDS = {
  noData: 'header.alertsNoData',
  catchingUp: 'header.alertsCatchingUp',
  cached: 'header.alertsNoneCached',
} as const;

const widthOfAll = (segments: readonly Segment[]): number => segments.reduce((sum, s) => sum + widthOf(s.text), 0);

/** Adds groups of segments while they fit; the first ones are the most important. */
function fitSegments(groups: readonly (readonly Segment[])[], width: number): { segments: Segment[]; width: number } {
  const segments: Segment[] = [];
  let used = 0;
  for (const group of groups) {
    const w = widthOfAll(group);
    if (used + w > width) break;
    segments.push(...group);
    used += w;
  }
  return { segments, width: used };
}

export function Header(props: { snapshot: Snapshot; state: ConsoleState; replay: ReplayStatus | null; width: number }) {
  const { snapshot, state, replay, width } = props;
  const { ingest, stream, alertsCritical: critical, alertsWarning: warning } = snapshot;
  const { t, theme, lang } = useUi();
  const link = judgeLink(ingest);
  const newest = stream.newestEventTs;
  const screen = baseScreen(state);
  const { muted } = theme.text;
  const sep = { text: ' · ', style: muted };
  const badge = (text: string, style: Style): Segment[] => [{ text: ' ' }, { text: ` ${text} `, style }];
  const hubName = stream.hubName === null ? t('app.hubUnknown') : sanitize(stream.hubName);
  const replayKey = replay?.finished ? 'header.replayEnd' : replay?.paused ? 'header.replayPaused' : 'header.replay';
  const lag = ingest.lagEvents;
  const ago = newest === null ? '' : formatAgo(newest, snapshot.now, lang);
  const first: Segment[][] = [
    [
      { text: `${t('app.title')} `, style: theme.header.title },
      { text: truncate(hubName, Math.max(12, Math.floor(width / 3))), style: theme.text.emphasis },
    ],
    ingest.demo ? badge(t('app.demo'), theme.header.demo) : [],
    replay
      ? badge(t(replayKey, { clock: formatDateTime(replay.now), speed: replay.speed }), theme.header.paused)
      : [{ text: '  ' }, { text: `● ${t(`link.${link}`)}`, style: theme.status[linkRole(link)] }],
    state.paused ? badge(t('header.paused'), theme.header.paused) : [],
    // The hub's lag is unknown while the link is down: the newest data's age says what is known.
    lag === null || replay || linkDown(link)
      ? []
      : [sep, { text: t('header.lag', { n: formatCount(lag, lang) }), style: lag > 0 ? theme.status.warn : undefined }],
    [sep, { text: newest === null ? t('header.noEvents') : t('header.newest', { ago }) }],
    // The rate is of the events this console stores: a read-only one stores none, and "0 ev/s" would belie the hub's.
    link === 'readOnly' ? [] : [sep, { text: t('header.rate', { n: formatRate(ingest.eventsPerSec, lang) }) }],
  ];
  const quiet = judgeQuiet(link, newest);
  // The window on the second line, before the alerts, so it is never cut: it changes what every figure means.
  const alerts: Segment[] = [
    { text: t('header.window', { w: t(`window.${state.window}`) }), style: muted },
    sep,
    ...(critical + warning > 0
      ? [
          { text: '⚠ ', style: critical > 0 ? theme.status.critical : theme.status.warn },
          { text: t('header.alertsCritical', { n: critical }), style: critical > 0 ? theme.status.critical : muted },
          sep,
          { text: t('header.alertsWarning', { n: warning }), style: warning > 0 ? theme.status.warn : muted },
        ]
      : quiet === 'live'
        ? [{ text: t('header.alertsNone'), style: theme.status.ok }]
        : [{ text: t(QUIET_WORDS[quiet]), style: muted }]),
  ];
  const tabs = (full: boolean): Segment[] =>
    SCREENS.flatMap((id, i) => {
      const active = id === screen;
      const label = full || active ? `${i + 1} ${t(`tab.${id}`)}` : `${i + 1}`;
      return [{ text: label, style: active ? theme.header.tabActive : theme.header.tab }, { text: ' ' }];
    });
  let tabLine = tabs(true);
  if (widthOfAll(tabLine) + widthOfAll(alerts) + 1 > width) tabLine = tabs(false);
  const pad = Math.max(1, width - widthOfAll(tabLine) - widthOfAll(alerts));
  const top = fitSegments(first, width);
  const second = fitSegments([tabLine, [{ text: fit('', pad) }, ...alerts]], width);
  return (
    <Box flexDirection="column">
      <Line segments={top.segments} width={top.width} />
      <Line segments={second.segments} width={second.width} />
    </Box>
  );
}
