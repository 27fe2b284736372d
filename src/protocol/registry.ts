import { z } from 'zod';
import { connectionKindSchema } from './codes.js';
import { agencyIdSchema, isoTimestampSchema, serverIdSchema, textSchema } from './primitives.js';

/** An agency (cơ quan, đơn vị) connected to the hub, at one of the four government levels. */
export const agencySchema = z.object({
  id: agencyIdSchema,
  name: textSchema(256).min(1),
  /** 1 ministry/province/Party office, 2 department/district, 3 commune/ward or division, 4 a unit below those (chi cục, school, health station). */
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** The unit above it; null at level 1. */
  parent: agencyIdSchema.nullable(),
  connection: connectionKindSchema,
  /** The security server (máy chủ bảo mật) its packages pass through. */
  securityServer: serverIdSchema,
});
export type Agency = z.infer<typeof agencySchema>;

/** A security server carrying a government certificate; several agencies may share one. */
export const securityServerSchema = z.object({
  id: serverIdSchema,
  name: textSchema(256).min(1),
  /** Null while the hub does not know it yet (a gateway before the server's first answer). */
  certificateExpiresAt: isoTimestampSchema.nullable(),
});
export type SecurityServer = z.infer<typeof securityServerSchema>;
