import { z } from 'zod';
import { instantMs } from './instant.js';

/** Agency identifier (mã định danh, Circular 10/2016/TT-BTTTT) `NNN.NN.NN.XNN`: G.. ministries, H.. provinces. */
export const agencyIdSchema = z
  .string()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'an agency id shaped NNN.NN.NN.XNN');

/** Security server (máy chủ bảo mật) identifier chosen by the hub, e.g. `MCBM-017`. */
export const serverIdSchema = z.string().min(1).max(64);

/** edXML document id: sender, issue date, number/code (`000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`). */
export const documentIdSchema = z
  .string()
  .max(256)
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2},\d{4}\/\d{2}\/\d{2},[^,]+$/u, 'an edXML document id');

/** Earliest and latest event time accepted; outside this a timestamp is taken as a broken clock. */
const EARLIEST_TS = Date.UTC(2000, 0, 1);
const LATEST_TS = Date.UTC(2100, 0, 1);

/** Whether a time (ms) is one the protocol accepts. */
export const instantInRange = (t: number): boolean => t >= EARLIEST_TS && t < LATEST_TS;

/** ISO 8601 instant in UTC (`Z` suffix), between 2000 and 2100. */
export const isoTimestampSchema = z.iso
  .datetime({ offset: false })
  .refine((s) => instantInRange(instantMs(s)), { message: 'a time between 2000 and 2100' });

/** Sequence number assigned by the hub; a safe non-negative integer. */
export const seqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Free text from the hub (names, reasons); bounded so one field cannot swamp the console. */
export const textSchema = (max = 512) => z.string().max(max);

export const countSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
