/** Recordings of a telemetry stream as NDJSON, one message per line as it went over the wire. */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Appends messages to a recording; writes are buffered, `close()` flushes. */
export class RecordingWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    // Owner-only, like the cache: a recording holds every subject and failure the hub sent.
    this.stream = createWriteStream(path, { flags: 'w', mode: 0o600 });
    this.stream.on('error', (err) => (this.failure = err));
  }

  /** One serialized message (no newline inside: JSON.stringify never produces one). */
  write(message: string): void {
    if (this.failure) throw this.failure;
    this.pending.push(message);
    this.pendingChars += message.length + 1;
    if (this.pendingChars > 256 * 1024) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.stream.write(`${this.pending.join('\n')}\n`);
    this.pending = [];
    this.pendingChars = 0;
  }

  async close(): Promise<void> {
    this.flush();
    this.stream.end();
    if (!this.stream.writableFinished) await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}

/** Reads a recording line by line. Bad lines are yielded with a `problem`, never thrown. */
export async function* readRecording(path: string) {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const text = raw.trim();
    if (text === '') continue;
    yield decodeLine(n, text);
  }
}

/** One line of a recording (1-based), decoded just enough to route it, or with the `problem` that stops it. */
function decodeLine(line: number, text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, text, problem: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { line, text, problem: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  const { seq, ts, type } = obj;
  if (typeof seq !== 'number' || typeof type !== 'string' || typeof ts !== 'string')
    return { line, text, problem: 'missing seq, ts or type' };
  return { line, text, seq, ts, type, value: obj };
}
