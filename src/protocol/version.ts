/** Protocol version carried in every message's `v` field. */
export const PROTOCOL_VERSION = 1 as const;

/** Path of the telemetry WebSocket endpoint on a hub. */
export const TELEMETRY_PATH = '/v1/telemetry';

/** Query parameter a client uses to resume after the last sequence number it holds. */
export const RESUME_PARAM = 'since';

/** Default cap on one frame's size; a larger frame is rejected whole, unread. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
