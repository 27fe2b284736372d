/** The status line's words for a cache this console only reads. */
import type { ReadOnlyCache } from '../data/sources.js';
import type { Translate } from '../i18n/translate.js';

export function readOnlyText(r: ReadOnlyCache, t: Translate): string {
  if (r.path === null) return t('notice.readOnlyCache');
  if (r.writer === null) return t('notice.readOnly', { path: r.path });
  return t('notice.readOnlyBy', { path: r.path, pid: r.writer.pid, host: r.writer.host });
}
