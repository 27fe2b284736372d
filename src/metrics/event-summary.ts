/** What a stored event says, as facts from its payload (hub text: sanitise before display); the console words it. */
export interface EventFacts {
  /** The document the event is about. */
  readonly docId?: string;
  /** `document.sent`: how many recipients, and the reply deadline (ISO) when one is set. */
  readonly recipients?: number;
  readonly replyBy?: string;
  /** `document.failed`: the protocol's failure reason. */
  readonly reason?: string;
  /** `status.reported`: the edXML status code. */
  readonly code?: string;
  /** `document.replied`: the answering document. */
  readonly replyDocId?: string;
  /** `signature.verified`: the verification result. */
  readonly result?: string;
}

export function eventFacts(data: unknown): EventFacts {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const facts: Record<string, string | number> = {};
  for (const k of ['docId', 'replyBy', 'reason', 'code', 'replyDocId', 'result'] as const)
    if (typeof d[k] === 'string') facts[k] = d[k];
  if (Array.isArray(d.recipients)) facts.recipients = d.recipients.length;
  return facts as EventFacts;
}
