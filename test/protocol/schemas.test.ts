import { describe, expect, it } from 'vitest';
import {
  dataSchemas,
  isSessionType,
  MESSAGE_TYPES,
  parseMessage,
  telemetryMessageSchema,
  type MessageType,
} from '../../src/protocol/index.js';
import { exampleMessage } from '../support/protocol-examples.js';

const parse = (value: unknown) => parseMessage(value, () => JSON.stringify(value));
const detailOf = (value: unknown): string => {
  const r = parse(value);
  if (!('rejection' in r)) throw new Error('expected a rejection');
  return `${r.rejection.reason}: ${r.rejection.detail}`;
};
const withData = (type: MessageType, patch: Record<string, unknown>) => {
  const m = exampleMessage(type);
  return { ...m, data: { ...(m.data as object), ...patch } };
};

describe('message schemas', () => {
  it('has one union member per message type', () => {
    expect(telemetryMessageSchema.options.length).toBe(MESSAGE_TYPES.length);
  });

  it.each(MESSAGE_TYPES)('accepts the example %s message', (type) => {
    const r = parse(exampleMessage(type));
    expect('message' in r && r.message.type).toBe(type);
    expect(telemetryMessageSchema.safeParse(exampleMessage(type)).success).toBe(true);
  });

  it.each(['hello', 'heartbeat', 'reset', 'registry.snapshot'])('treats %s as a session message', (type) => {
    expect(isSessionType(type)).toBe(true);
  });

  it.each(MESSAGE_TYPES.filter((t) => !isSessionType(t)))('treats %s as a durable event', (type) => {
    expect(isSessionType(type)).toBe(false);
  });

  it.each<[MessageType, Record<string, unknown>, string]>([
    ['hello', { hubId: '' }, 'invalid_message: data.hubId: expected at least 1 characters, got string ""'],
    ['hello', { heartbeatMs: 0 }, 'data.heartbeatMs: expected at least 0, got integer 0'],
    ['heartbeat', { newestSeq: -1 }, 'data.newestSeq: expected at least 0, got integer -1'],
    [
      'reset',
      { reason: 'because' },
      'data.reason: expected one of "epoch_changed", "since_ahead", "since_too_old", got string "because"',
    ],
    ['registry.snapshot', { agencies: 'all' }, 'data.agencies: expected array, got string "all"'],
    [
      'agency.upsert',
      { agency: { id: '41', name: 'X', level: 1, parent: null, connection: 'lgsp', securityServer: 'M' } },
      'data.agency.id: expected an agency id shaped NNN.NN.NN.XNN, got string "41"',
    ],
    ['agency.removed', { id: 42 }, 'data.id: expected string, got integer 42'],
    [
      'server.upsert',
      { server: { id: 'M', name: 'N', certificateExpiresAt: 'tomorrow' } },
      'data.server.certificateExpiresAt: expected an ISO 8601 UTC datetime, got string "tomorrow"',
    ],
    ['document.sent', { recipients: [] }, 'data.recipients: expected at least 1 items, got array'],
    ['document.sent', { attachments: -2 }, 'data.attachments: expected at least 0, got integer -2'],
    ['document.sent', { sizeBytes: Number.NaN }, 'data.sizeBytes: expected number, got NaN'],
    [
      'document.sent',
      { docId: 'không phải mã' },
      'data.docId: expected an edXML document id, got string "không phải mã"',
    ],
    ['document.sent', { replyBy: '2026-11-29T10:00:00+07:00' }, 'data.replyBy: expected an ISO 8601 UTC datetime'],
    ['document.delivered', { recipient: null }, 'data.recipient: expected string, got null'],
    [
      'document.failed',
      { reason: 'gremlins' },
      'data.reason: expected one of "attachment_mismatch", "package_rejected", "recipient_unreachable", "security_server_unreachable", "timeout", got string "gremlins"',
    ],
    [
      'status.reported',
      { code: '07' },
      'data.code: expected one of "01", "02", "03", "04", "05", "06", "13", "15", "16", got string "07"',
    ],
    ['status.reported', { code: 3 }, 'data.code: expected one of'],
    ['document.replied', { replyDocId: undefined }, 'data.replyDocId: expected string, got nothing'],
    [
      'signature.verified',
      { result: 'ok' },
      'data.result: expected one of "expired_certificate", "incomplete_info", "invalid", "missing", "revoked_certificate", "untrusted_issuer", "valid", got string "ok"',
    ],
    ['server.heartbeat', { latencyMs: -5 }, 'data.latencyMs: expected at least 0, got integer -5'],
    [
      'server.state',
      { state: 'down' },
      'data.state: expected one of "connected", "degraded", "disconnected", got string "down"',
    ],
    ['server.state', { reason: 'x'.repeat(2000) }, 'data.reason: expected at most 1024 characters'],
  ])('rejects a bad %s: %j', (type, patch, expected) => {
    expect(detailOf(withData(type, patch))).toContain(expected);
  });

  it('rejects a message whose data is missing', () => {
    const { data: _data, ...bare } = exampleMessage('heartbeat');
    expect(detailOf(bare)).toBe('invalid_message: data: expected object, got nothing');
  });

  it('keeps seq and type of a rejected message so the operator can find it', () => {
    const r = parse(withData('status.reported', { code: '99' }));
    expect('rejection' in r && { seq: r.rejection.seq, type: r.rejection.type }).toEqual({
      seq: 1043,
      type: 'status.reported',
    });
  });

  it('lists every type in the data table', () => {
    expect(Object.keys(dataSchemas).sort()).toEqual([...MESSAGE_TYPES].sort());
  });
});

describe('envelope', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['version 2', { v: 2 }, 'unsupported_version: v: expected 1, got integer 2'],
    ['no version', { v: undefined }, 'unsupported_version: v: expected 1, got nothing'],
    ['string seq', { seq: '12' }, 'invalid_envelope: seq: expected number, got string "12"'],
    ['fractional seq', { seq: 1.5 }, 'invalid_envelope: seq: expected int, got number 1.5'],
    ['negative seq', { seq: -1 }, 'invalid_envelope: seq: expected at least 0, got integer -1'],
    [
      'local time',
      { ts: '2026-11-22 09:15' },
      'invalid_envelope: ts: expected an ISO 8601 UTC datetime, got string "2026-11-22 09:15"',
    ],
    ['offset time', { ts: '2026-11-22T09:15:00+07:00' }, 'invalid_envelope: ts: expected an ISO 8601 UTC datetime'],
    [
      'far future',
      { ts: '2999-01-01T00:00:00Z' },
      'invalid_envelope: ts: expected a time between 2000 and 2100, got string "2999-01-01T00:00:00Z"',
    ],
    ['far past', { ts: '1970-01-01T00:00:00Z' }, 'invalid_envelope: ts: expected a time between 2000 and 2100'],
    ['no type', { type: undefined }, 'invalid_envelope: type: expected string, got nothing'],
    ['huge type', { type: 't'.repeat(100) }, 'invalid_envelope: type: expected at most 64 characters'],
  ])('rejects %s', (_name, patch, expected) => {
    expect(detailOf({ ...exampleMessage('heartbeat'), ...patch })).toContain(expected);
  });

  it.each([null, 42, 'hello', [1]])('rejects %j as not an object', (value) => {
    expect(detailOf(value)).toMatch(/^not_an_object: expected object, got /);
  });
});

describe('forward compatibility', () => {
  it('passes an unknown type through as unknown, with its data', () => {
    const r = parse({ v: 1, seq: 7, ts: '2026-11-22T02:15:00Z', type: 'document.archived', data: { docId: 'x' } });
    expect('message' in r && r.message).toEqual({
      v: 1,
      seq: 7,
      ts: '2026-11-22T02:15:00Z',
      type: 'document.archived',
      unknown: true,
      data: { docId: 'x' },
    });
  });

  it('counts unknown fields in the envelope and the data, and drops them', () => {
    const m = { ...withData('server.heartbeat', { region: 'north', rack: 4 }), trace: 'abc' };
    const r = parse(m);
    expect('message' in r && r.unknownFields).toBe(3);
    expect('message' in r && r.message.data).toEqual({ serverId: 'MCBM-041', latencyMs: 38 });
  });
});
