/**
 * A full-width warning under the header when the figures are not live: what is wrong with the link, since when, when
 * the next attempt is due, and that the figures shown are the cached ones, as of the newest stored event. With the link
 * up, for a while after the hub started a new history (epoch): that it did, and when (docs/PROTOCOL.md, "Epochs").
 */
import type { IngestStatus } from '../data/sources.js';
import { useUi } from '../context.js';
import { linkDown, type LinkState } from '../status/link.js';
import { fit } from '../text/fit.js';
import { formatAgo, formatDateTime, formatSpan } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { Line } from './Line.js';

export function Banner(props: {
  link: LinkState;
  ingest: IngestStatus;
  newestEventTs: number | null;
  now: number;
  width: number;
}) {
  const { t, theme, lang } = useUi();
  const { link, ingest, now, width } = props;
  if (!linkDown(link)) {
    const change = recentEpochChange(ingest, now);
    if (!change) return null;
    const text = t('banner.epoch', {
      from: change.from,
      to: change.to,
      at: formatDateTime(change.at),
      ago: formatAgo(change.at, now, lang),
    });
    return <Line segments={[{ text: fit(` ${sanitize(text)}`, width) }]} style={theme.header.bannerStale} />;
  }
  const asOf = props.newestEventTs === null ? t('banner.never') : formatDateTime(props.newestEventTs);
  const since = ingest.since === null ? '' : t('banner.since', { ago: formatAgo(ingest.since, now, lang) });
  const next =
    ingest.nextAttemptAt === null
      ? ''
      : t('banner.nextTry', { n: Math.max(0, Math.ceil((ingest.nextAttemptAt - now) / 1000)) });
  let text: string;
  switch (link) {
    case 'offline':
      text = t('banner.offline', { since: since + next, asOf });
      break;
    case 'reconnecting':
      text = t('banner.reconnecting', { since, next, asOf });
      break;
    case 'stale':
      text = t('banner.stale', { span: formatSpan(now - (ingest.lastMessageAt ?? ingest.since ?? now), lang), asOf });
      break;
    default:
      text = t('banner.connecting');
  }
  const style = link === 'stale' || link === 'connecting' ? theme.header.bannerStale : theme.header.bannerOffline;
  return <Line segments={[{ text: fit(` ${text}`, width) }]} style={style} />;
}

/** How long a new epoch is announced under the header (and on the status line). */
const EPOCH_NOTICE_MS = 10 * 60_000;

/** The hub's latest change of epoch, while it is still news. */
export function recentEpochChange(ingest: IngestStatus, now: number): IngestStatus['epochChange'] {
  const change = ingest.epochChange;
  return change && now - change.at < EPOCH_NOTICE_MS ? change : null;
}

/** Whether the banner takes a line: the link is down, or the hub's epoch just changed. */
export const bannerShown = (link: LinkState, ingest: IngestStatus, now: number): boolean =>
  linkDown(link) || recentEpochChange(ingest, now) !== null;
