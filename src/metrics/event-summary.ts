/** One line about a stored event, from its type and payload (hub text: sanitise before display). */
export function summarizeEvent(type: string, data: unknown): string {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const s = (k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '?');
  switch (type) {
    case 'document.sent': {
      const n = Array.isArray(d.recipients) ? d.recipients.length : 0;
      return `sent ${s('docId')} to ${n} recipient${n === 1 ? '' : 's'}${d.replyBy ? `, reply by ${s('replyBy')}` : ''}`;
    }
    case 'document.delivered':
      return `received ${s('docId')}`;
    case 'document.failed':
      return `delivery of ${s('docId')} failed: ${s('reason')}`;
    case 'status.reported':
      return `status ${s('code')} for ${s('docId')}`;
    case 'document.replied':
      return `replied to ${s('docId')} with ${s('replyDocId')}`;
    case 'signature.verified':
      return `signature ${s('result')} on ${s('docId')}`;
    case 'agency.upsert':
      return 'registry entry updated';
    case 'agency.removed':
      return 'removed from the registry';
    default:
      return type;
  }
}
