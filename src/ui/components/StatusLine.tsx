/**
 * The flash line (k9s): a load's error, or for a few seconds the answer to the last key; otherwise the first of: the
 * last link error, a new epoch while it is news, notices (read-only cache, bad thresholds), derivation lag, rejections.
 */
import type { ReadOnlyCache } from '../data/sources.js';
import type { Snapshot } from '../data/screen-loader.js';
import type { Translate } from '../i18n/translate.js';
import { useUi } from '../context.js';
import type { Flash } from '../state/state.js';
import { formatCount } from '../text/format-number.js';
import { sanitize } from '../text/sanitize.js';
import { formatAgo } from '../text/format-time.js';
import { recentEpochChange } from './Banner.js';
import { TextLine } from './Line.js';
import type { Style } from '../theme/theme.js';

/** How long the answer to a key stays up. */
const FLASH_MS = 4000;

export function StatusLine({ snapshot, flash, width }: { snapshot: Snapshot; flash: Flash | null; width: number }) {
  const { t, theme, lang } = useUi();
  const { ingest, now, stream, loadError } = snapshot;
  const [text, style] = ((): [string, Style] => {
    if (loadError) return [t('flash.error', { text: sanitize(loadError) }), theme.flash.error];
    if (flash && now - flash.at < FLASH_MS)
      return [t(flash.key, flash.params), flash.kind === 'error' ? theme.flash.error : theme.flash.info];
    if (ingest.lastError) return [t('flash.error', { text: sanitize(ingest.lastError) }), theme.flash.error];
    const change = recentEpochChange(ingest, now);
    if (change)
      return [sanitize(t('flash.epoch', { to: change.to, ago: formatAgo(change.at, now, lang) })), theme.status.warn];
    const notices = ingest.readOnly !== null ? [readOnlyText(ingest.readOnly, t), ...ingest.notices] : ingest.notices;
    if (notices.length > 0) return [t('flash.notice', { text: sanitize(notices.join(' · ')) }), theme.status.warn];
    // Events whose documents, deliveries and deadlines are not derived yet.
    if (stream.derivedBehind > 0)
      return [t('flash.deriving', { n: formatCount(stream.derivedBehind, lang) }), theme.status.warn];
    const rejections = Math.max(stream.rejections, ingest.rejections);
    if (rejections === 0) return [t('flash.noRejections'), theme.flash.info];
    const last = ingest.lastRejection;
    const reason = last ? sanitize(`${last.reason}: ${last.detail}`) : '–';
    return [t('flash.rejections', { n: formatCount(rejections, lang), reason }), theme.status.warn];
  })();
  return <TextLine text={text} style={style} width={width} />;
}

/** The status line's words for a cache this console only reads. */
export function readOnlyText(r: ReadOnlyCache, t: Translate): string {
  if (r.path === null) return t('notice.readOnlyCache');
  if (r.writer === null) return t('notice.readOnly', { path: r.path });
  return t('notice.readOnlyBy', { path: r.path, pid: r.writer.pid, host: r.writer.host });
}
