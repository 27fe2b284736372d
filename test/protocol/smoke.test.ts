import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, telemetryMessageSchema } from '../../src/protocol/index.js';

describe('protocol table', () => {
  it('has one union member per message type', () => {
    expect(telemetryMessageSchema.options.length).toBe(MESSAGE_TYPES.length);
  });
});
