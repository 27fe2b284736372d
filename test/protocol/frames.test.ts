import { describe, expect, it } from 'vitest';
import { parseFrame, REJECTION_REASONS } from '../../src/protocol/index.js';
import { exampleMessage } from '../support/protocol-examples.js';

const event = (seq: number) => exampleMessage('document.delivered', seq);

describe('parseFrame', () => {
  it('reads a single message', () => {
    const r = parseFrame(JSON.stringify(event(5)));
    expect(r.messages.map((m) => m.seq)).toEqual([5]);
    expect(r.rejections).toEqual([]);
  });

  it('reads a batch in order', () => {
    const r = parseFrame(JSON.stringify([event(1), event(2), event(3)]));
    expect(r.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps every good neighbour of a bad message in a batch', () => {
    const bad = { ...event(2), data: { docId: 'nope' } };
    const r = parseFrame(JSON.stringify([event(1), bad, 'junk', event(4)]));
    expect(r.messages.map((m) => m.seq)).toEqual([1, 4]);
    expect(r.rejections.map((x) => x.reason)).toEqual(['invalid_message', 'not_an_object']);
    expect(r.rejections[0]?.raw).toBe(JSON.stringify(bad));
  });

  it('accepts a Buffer of UTF-8 text with Vietnamese in it', () => {
    const m = exampleMessage('registry.snapshot');
    const r = parseFrame(Buffer.from(JSON.stringify(m), 'utf8'));
    expect(r.messages).toHaveLength(1);
  });

  it.each<[string, string | Uint8Array, string, string]>([
    ['oversized', 'x'.repeat(2000), 'frame_too_large', 'expected at most 1024 bytes, got 2000'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_utf8', 'expected UTF-8 text, got invalid bytes'],
    ['truncated JSON', '{"v":1,"seq":', 'bad_json', 'expected JSON, got '],
    ['a bare number', '42', 'not_an_object', 'expected object, got integer 42'],
  ])('rejects a frame that is %s', (_name, frame, reason, detail) => {
    const r = parseFrame(frame, { maxFrameBytes: 1024 });
    expect(r.messages).toEqual([]);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0]?.reason).toBe(reason);
    expect(r.rejections[0]?.detail).toContain(detail);
  });

  it('sets aside deeply nested input without throwing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseFrame(deep);
    expect(r.messages).toEqual([]);
    expect(r.rejections.map((x) => x.reason)).toEqual(['not_an_object']);
    const deepObj =
      '{"v":1,"seq":1,"ts":"2026-11-22T00:00:00Z","type":"x","data":' +
      '{"a":'.repeat(50_000) +
      '1' +
      '}'.repeat(50_001);
    const r2 = parseFrame(deepObj);
    expect(r2.messages).toEqual([]);
    expect(r2.rejections[0]?.detail).toBe('data: expected at most 32 levels of nesting, got more');
  });

  it('never keeps more than a bounded piece of a huge rejected message', () => {
    const huge = { ...event(1), data: { docId: 'x'.repeat(100_000), recipient: 'y' } };
    const r = parseFrame(JSON.stringify(huge));
    expect(r.rejections[0]?.raw.length).toBeLessThan(9000);
    expect(r.rejections[0]?.raw).toMatch(/… \(\d+ chars\)$/);
  });

  it('names a closed list of rejection reasons', () => {
    expect(REJECTION_REASONS).toContain('seq_regression');
    expect(new Set(REJECTION_REASONS).size).toBe(REJECTION_REASONS.length);
  });
});
