/**
 * A full-width warning under the header: the figures are not live (what the link is, since when, the next attempt, all
 * cached as of the newest event); or, for a while, that the hub started a new history (docs/PROTOCOL.md, "Epochs").
 */
import type { IngestStatus } from '../data/sources.js';
import type { Snapshot } from '../data/screen-loader.js';
import { useUi } from '../context.js';
import { judgeLink, linkDown, linkRole, type LinkState } from '../status/link.js';
import { formatAgo, formatDateTime, formatSpan } from '../text/format-time.js';
import { sanitize } from '../text/sanitize.js';
import { TextLine } from './Line.js';

export function Banner({ snapshot, width }: { snapshot: Snapshot; width: number }) {
  const { t, theme, lang } = useUi();
  const { ingest, now } = snapshot;
  const link = judgeLink(ingest);
  const newest = snapshot.stream.newestEventTs;
  if (!linkDown(link)) {
    const change = recentEpochChange(ingest, now);
    if (!change) return null;
    const { from, to, at } = change;
    const text = t('banner.epoch', { from, to, at: formatDateTime(at), ago: formatAgo(at, now, lang) });
    return <TextLine text={` ${sanitize(text)}`} style={theme.header.bannerStale} width={width} />;
  }
  const asOf = newest === null ? t('banner.never') : formatDateTime(newest);
  const since = ingest.since === null ? '' : t('banner.since', { ago: formatAgo(ingest.since, now, lang) });
  const nextS = ingest.nextAttemptAt === null ? null : Math.max(0, Math.ceil((ingest.nextAttemptAt - now) / 1000));
  const next = nextS === null ? '' : t('banner.nextTry', { n: nextS });
  const silent = formatSpan(now - (ingest.lastMessageAt ?? ingest.since ?? now), lang);
  const style = linkRole(link) === 'critical' ? theme.header.bannerOffline : theme.header.bannerStale;
  // Connecting with nothing cached: no figures are shown as if they were the hub's.
  const key = link === 'connecting' && newest === null ? 'banner.connectingEmpty' : (`banner.${link}` as const);
  return <TextLine text={` ${t(key, { since, next, asOf, span: silent })}`} style={style} width={width} />;
}

/** How long a new epoch is announced under the header (and on the status line). */
const EPOCH_NOTICE_MS = 10 * 60_000;

/** The hub's latest change of epoch, while it is still news. */
export const recentEpochChange = ({ epochChange: change }: IngestStatus, now: number): IngestStatus['epochChange'] =>
  change && now - change.at < EPOCH_NOTICE_MS ? change : null;

/** Whether the banner takes a line: the link is down, or the hub's epoch just changed. */
export const bannerShown = (link: LinkState, ingest: IngestStatus, now: number): boolean =>
  linkDown(link) || recentEpochChange(ingest, now) !== null;
