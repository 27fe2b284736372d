/** Every string the console shows, in Vietnamese (the operators' language), one file per area (`vi/`). */
import type { MessageKey } from './messages-en.js';
import { agency } from './vi/agency.js';
import { frame } from './vi/frame.js';
import { keys } from './vi/keys.js';
import { tables } from './vi/tables.js';

export const vi: Record<MessageKey, string> = { ...frame, ...tables, ...agency, ...keys };
