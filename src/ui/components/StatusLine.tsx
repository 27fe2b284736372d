/**
 * The flash line (k9s): the answer to the last key for a few seconds; otherwise the last link
 * error, then a new epoch of the hub while it is news, then standing notices (a read-only cache, a bad alert-thresholds file), then how far
 * documents, deliveries and deadlines lag after a long catch-up, then the count of rejected
 * messages with the latest reason. Never a crash.
 */
import type { IngestStatus } from '../data/sources.js';
import { useUi } from '../context.js';
import type { Flash } from '../state/state.js';
import { fit } from '../text/fit.js';
import { formatCount } from '../text/format-number.js';
import { sanitize } from '../text/sanitize.js';
import { formatAgo } from '../text/format-time.js';
import { recentEpochChange } from './Banner.js';
import { readOnlyText } from '../status/read-only-text.js';
import { Line } from './Line.js';

/** How long the answer to a key stays up. */
const FLASH_MS = 4000;

export function StatusLine(props: {
  flash: Flash | null;
  ingest: IngestStatus;
  rejections: number;
  /** Events whose documents, deliveries and deadlines are not derived yet. */
  derivedBehind: number;
  now: number;
  width: number;
}) {
  const { t, theme, lang } = useUi();
  const { flash, ingest, now, width } = props;
  if (flash && now - flash.at < FLASH_MS) {
    return (
      <Line
        segments={[{ text: fit(t(flash.key, flash.params), width) }]}
        style={flash.kind === 'error' ? theme.flash.error : theme.flash.info}
      />
    );
  }
  if (ingest.lastError) {
    return (
      <Line
        segments={[{ text: fit(t('flash.error', { text: sanitize(ingest.lastError) }), width) }]}
        style={theme.flash.error}
      />
    );
  }
  const change = recentEpochChange(ingest, now);
  if (change) {
    const text = t('flash.epoch', { to: change.to, ago: formatAgo(change.at, now, lang) });
    return <Line segments={[{ text: fit(sanitize(text), width) }]} style={theme.status.warn} />;
  }
  const notices = ingest.readOnly !== null ? [readOnlyText(ingest.readOnly, t), ...ingest.notices] : ingest.notices;
  if (notices.length > 0) {
    return (
      <Line
        segments={[{ text: fit(t('flash.notice', { text: sanitize(notices.join(' · ')) }), width) }]}
        style={theme.status.warn}
      />
    );
  }
  if (props.derivedBehind > 0) {
    return (
      <Line
        segments={[{ text: fit(t('flash.deriving', { n: formatCount(props.derivedBehind, lang) }), width) }]}
        style={theme.status.warn}
      />
    );
  }
  const rejections = Math.max(props.rejections, ingest.rejections);
  if (rejections > 0) {
    const last = ingest.lastRejection;
    const reason = last ? sanitize(`${last.reason}: ${last.detail}`) : '–';
    return (
      <Line
        segments={[{ text: fit(t('flash.rejections', { n: formatCount(rejections, lang), reason }), width) }]}
        style={theme.status.warn}
      />
    );
  }
  return <Line segments={[{ text: fit(t('flash.noRejections'), width) }]} style={theme.flash.info} />;
}
