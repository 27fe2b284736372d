/** A full-width warning under the header when the figures are not live. */
import type { IngestStatus } from '../data/sources.js';
import { useUi } from '../context.js';
import type { LinkState } from '../status/link.js';
import { fit } from '../text/fit.js';
import { formatAgo, formatDateTime, formatSpan } from '../text/format-time.js';
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
  let text: string;
  if (link === 'offline') {
    text = t('banner.offline', {
      since: ingest.since === null ? '' : t('banner.since', { ago: formatAgo(ingest.since, now, lang) }),
      asOf: props.newestEventTs === null ? t('banner.never') : formatDateTime(props.newestEventTs),
    });
  } else if (link === 'stale') {
    text = t('banner.stale', { span: formatSpan(now - (ingest.lastContactAt ?? now), lang) });
  } else if (link === 'connecting') {
    text = t('banner.connecting');
  } else {
    return null;
  }
  const style = link === 'offline' ? theme.header.bannerOffline : theme.header.bannerStale;
  return <Line segments={[{ text: fit(` ${text}`, width) }]} style={style} />;
}

export const bannerShown = (link: LinkState): boolean =>
  link === 'offline' || link === 'stale' || link === 'connecting';
