import type { MessageOf, TelemetryMessage, UnknownMessage } from '../protocol/index.js';

/** An event as far as filing goes: its type and data (the writer's messages, a loader's rows). */
type Filed = {
  [T in TelemetryMessage['type']]: { readonly type: T; readonly data: MessageOf<T>['data'] };
}[TelemetryMessage['type']];

const isUnknown = (m: Filed | UnknownMessage): m is UnknownMessage => (m as UnknownMessage).unknown === true;

/** The agency an event is filed under for an agency's recent activity. */
export function agencyOf(m: Filed | UnknownMessage): string | null {
  if (isUnknown(m)) return null;
  switch (m.type) {
    case 'document.sent':
      return m.data.sender;
    case 'document.delivered':
    case 'document.failed':
      return m.data.recipient;
    case 'status.reported':
    case 'document.replied':
    case 'signature.verified':
      return m.data.agency;
    case 'agency.upsert':
      return m.data.agency.id;
    case 'agency.removed':
      return m.data.id;
    default:
      return null;
  }
}

/** Every agency code an event names: the codes it may add to the id space. */
export function agencyCodes(m: Filed | UnknownMessage): string[] {
  if (!isUnknown(m) && m.type === 'document.sent') return [m.data.sender, ...m.data.recipients];
  const code = agencyOf(m);
  return code === null ? [] : [code];
}
