/** One line about a stored event in the operator's language, from the facts the cache kept. */
import type { RecentEvent } from '../../metrics/types.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import { formatDateTime } from '../text/format-time.js';

/** A code in words; an unknown one (a newer hub) reads as itself rather than as a missing key. */
const known = (t: Translate, prefix: string, code: string | undefined): string =>
  code === undefined ? '?' : ((t(`${prefix}.${code}` as MessageKey) as string | undefined) ?? code);

export function eventSummary(e: Pick<RecentEvent, 'type' | 'facts'>, t: Translate): string {
  const f = e.facts;
  const doc = f.docId ?? '?';
  switch (e.type) {
    case 'document.sent': {
      const n = f.recipients ?? 0;
      const text = n === 1 ? t('event.sent.1', { doc }) : t('event.sent.n', { doc, n });
      const at = f.replyBy === undefined ? NaN : Date.parse(f.replyBy);
      return Number.isFinite(at) ? t('event.replyBy', { text, at: formatDateTime(at) }) : text;
    }
    case 'document.delivered':
      return t('event.delivered', { doc });
    case 'document.failed':
      return t('event.failed', { doc, reason: known(t, 'failure', f.reason) });
    case 'status.reported':
      return t('event.status', { doc, code: f.code ?? '?', name: known(t, 'statusCode', f.code) });
    case 'document.replied':
      return t('event.replied', { doc, reply: f.replyDocId ?? '?' });
    case 'signature.verified':
      return f.result === 'valid'
        ? t('event.signatureValid', { doc })
        : t('event.signatureFailed', { doc, reason: known(t, 'reason', f.result) });
    case 'agency.upsert':
      return t('event.upsert');
    case 'agency.removed':
      return t('event.removed');
    default:
      return e.type;
  }
}

/** The event's kind in a word of the operator's language; the protocol's name for a kind it does not know. */
export const eventTypeText = (type: string, t: Translate): string =>
  (t(`eventType.${type}` as MessageKey) as string | undefined) ?? type;

/** The facts as searchable text, the same in either language: the document ids and codes. */
export const eventSearchText = (e: Pick<RecentEvent, 'type' | 'facts'>): string =>
  [e.type, e.facts.docId, e.facts.replyDocId, e.facts.code, e.facts.reason, e.facts.result]
    .filter((x) => x !== undefined)
    .join(' ')
    .toLowerCase();
