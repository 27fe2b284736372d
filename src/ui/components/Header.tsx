/**
 * The two lines on top of every screen: who the hub is and how the link to it is, then the
 * screens and the alert counts. Pieces that do not fit a narrow terminal drop off the end.
 */
import { Box } from 'ink';
import type { WindowKey } from '../../metrics/types.js';
import { useUi } from '../context.js';
import { judgeQuiet, type LinkState } from '../status/link.js';
import { SCREENS, type ScreenId } from '../state/routes.js';
import { fit, truncate, widthOf } from '../text/fit.js';
import { formatAgo, formatDateTime } from '../text/format-time.js';
import type { ReplayStatus } from '../data/sources.js';
import { formatCount, formatRate } from '../text/format-number.js';
import type { Style } from '../theme/theme.js';
import { Line, type Segment } from './Line.js';

interface HeaderInfo {
  readonly hubName: string | null;
  readonly demo: boolean;
  readonly link: LinkState;
  /** Null before the hub has said how far ahead it is. */
  readonly lagEvents: number | null;
  readonly newestEventTs: number | null;
  readonly eventsPerSec: number;
  readonly alertsCritical: number;
  readonly alertsWarning: number;
  readonly paused: boolean;
  readonly window: WindowKey;
  readonly screen: ScreenId;
  readonly now: number;
  /** Set in `hubmon replay`: the recording's clock and speed. */
  readonly replay: ReplayStatus | null;
}

/** Adds segments while they fit; the first ones are the most important. */
function fitSegments(groups: readonly (readonly Segment[])[], width: number): { segments: Segment[]; width: number } {
  const segments: Segment[] = [];
  let used = 0;
  for (const group of groups) {
    const w = group.reduce((sum, s) => sum + widthOf(s.text), 0);
    if (used + w > width) break;
    segments.push(...group);
    used += w;
  }
  return { segments, width: used };
}

export function Header({ info, width }: { info: HeaderInfo; width: number }) {
  const { t, theme, lang } = useUi();
  const linkStyle: Style =
    info.link === 'live'
      ? theme.status.ok
      : info.link === 'offline' || info.link === 'reconnecting'
        ? theme.status.critical
        : theme.status.warn;
  const replay = info.replay;
  const hub = truncate(info.hubName ?? t('app.hubUnknown'), Math.max(12, Math.floor(width / 3)));
  const sep = { text: ' · ', style: theme.text.muted };
  const first: Segment[][] = [
    [
      { text: `${t('app.title')} `, style: theme.header.title },
      { text: hub, style: theme.text.emphasis },
    ],
    info.demo ? [{ text: ' ' }, { text: ` ${t('app.demo')} `, style: theme.header.demo }] : [],
    replay
      ? [
          { text: ' ' },
          {
            text: ` ${t(replay.finished ? 'header.replayEnd' : replay.paused ? 'header.replayPaused' : 'header.replay', { clock: formatDateTime(replay.now), speed: replay.speed })} `,
            style: theme.header.paused,
          },
        ]
      : [{ text: '  ' }, { text: `● ${t(`link.${info.link}`)}`, style: linkStyle }],
    info.paused ? [{ text: ' ' }, { text: ` ${t('header.paused')} `, style: theme.header.paused }] : [],
    info.lagEvents === null || replay
      ? []
      : [
          sep,
          {
            text: t('header.lag', { n: formatCount(info.lagEvents, lang) }),
            style: info.lagEvents > 0 ? theme.status.warn : undefined,
          },
        ],
    [
      sep,
      {
        text:
          info.newestEventTs === null
            ? t('header.noEvents')
            : t('header.newest', { ago: formatAgo(info.newestEventTs, info.now, lang) }),
      },
    ],
    [sep, { text: t('header.rate', { n: formatRate(info.eventsPerSec, lang) }) }],
  ];

  const quiet = judgeQuiet(info.link, info.newestEventTs);
  const alerts: Segment[] =
    info.alertsCritical + info.alertsWarning === 0
      ? [
          quiet === 'live'
            ? { text: t('header.alertsNone'), style: theme.status.ok }
            : {
                text: t(quiet === 'noData' ? 'header.alertsNoData' : 'header.alertsNoneCached'),
                style: theme.text.muted,
              },
        ]
      : [
          { text: '⚠ ', style: info.alertsCritical > 0 ? theme.status.critical : theme.status.warn },
          {
            text: t('header.alertsCritical', { n: info.alertsCritical }),
            style: info.alertsCritical > 0 ? theme.status.critical : theme.text.muted,
          },
          sep,
          {
            text: t('header.alertsWarning', { n: info.alertsWarning }),
            style: info.alertsWarning > 0 ? theme.status.warn : theme.text.muted,
          },
        ];
  // The window on the second line, before the alerts, so it is never cut: it changes what every figure means.
  alerts.unshift({ text: t('header.window', { w: t(`window.${info.window}`) }), style: theme.text.muted }, sep);
  const alertsWidth = alerts.reduce((s, a) => s + widthOf(a.text), 0);
  const tabs = (full: boolean): Segment[] =>
    SCREENS.flatMap((id, i) => {
      const active = id === info.screen;
      const label = full || active ? `${i + 1} ${t(`tab.${id}`)}` : `${i + 1}`;
      return [{ text: label, style: active ? theme.header.tabActive : theme.header.tab }, { text: ' ' }];
    });
  let tabLine = tabs(true);
  if (tabLine.reduce((s, a) => s + widthOf(a.text), 0) + alertsWidth + 1 > width) tabLine = tabs(false);
  const tabWidth = tabLine.reduce((s, a) => s + widthOf(a.text), 0);
  const pad = Math.max(1, width - tabWidth - alertsWidth);
  const top = fitSegments(first, width);
  const second = fitSegments([tabLine, [{ text: fit('', pad) }, ...alerts]], width);
  return (
    <Box flexDirection="column">
      <Line segments={top.segments} width={top.width} />
      <Line segments={second.segments} width={second.width} />
    </Box>
  );
}
