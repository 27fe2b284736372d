/**
 * Every string the console shows, in English, gathered from one file per area (`en/`). The
 * Vietnamese catalogue types each area by its English keys, so a key missing there fails `tsc`.
 */
import { agency } from './en/agency.js';
import { frame } from './en/frame.js';
import { keys } from './en/keys.js';
import { tables } from './en/tables.js';

export const en = { ...frame, ...tables, ...agency, ...keys };

export type MessageKey = keyof typeof en;
