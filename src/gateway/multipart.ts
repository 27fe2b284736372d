/** `multipart/related` (RFC 2387) as operational data comes: parts cut out of the raw bytes (the gzip is binary). */
interface MimePart {
  /** Header names in lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** The `boundary` parameter of a multipart content type, if there is one. */
export function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

export const isMultipart = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^\s*multipart\//i.test(contentType);

function lineEnd(buf: Buffer, from: number): number {
  const i = buf.indexOf('\n', from);
  return i === -1 ? buf.length : i + 1;
}

/** Splits a multipart body; throws when the boundary never occurs or a part is cut short. */
export function parseMultipart(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at === -1) throw new Error(`expected a multipart body with boundary ${boundary}, found none`);
  const parts: MimePart[] = [];
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = lineEnd(body, afterDelimiter);
    const next = body.indexOf(delimiter, headerStart);
    if (next === -1) throw new Error('expected a closing multipart boundary, the body ends first');
    // The part ends at the line break that precedes the next delimiter.
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const headers = new Map<string, string>();
    let line = headerStart;
    for (;;) {
      const stop = lineEnd(body, line);
      const textLine = body
        .subarray(line, stop)
        .toString('latin1')
        .replace(/\r?\n$/, '');
      line = stop;
      if (textLine === '' || line >= end) break;
      const colon = textLine.indexOf(':');
      if (colon > 0) headers.set(textLine.slice(0, colon).trim().toLowerCase(), textLine.slice(colon + 1).trim());
    }
    parts.push({ headers, body: body.subarray(Math.min(line, end), end) });
    at = next;
  }
}

/** The part whose `content-id` matches a `cid:` reference (angle brackets optional). */
export function partByCid(parts: readonly MimePart[], cid: string): MimePart | undefined {
  const want = cid.replace(/^cid:/i, '').replace(/^<|>$/g, '');
  return parts.find((p) => (p.headers.get('content-id') ?? '').replace(/^<|>$/g, '') === want);
}
