import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { z } from 'zod';
import { envelopeSchema } from './envelope.js';
import { instantMs } from './instant.js';
import { dataSchemas, type MessageType } from './messages.js';
import { instantInRange, isoTimestampSchema } from './primitives.js';

/**
 * The common case, checked fast: a message of a known type with exactly the fields the protocol
 * names, every one valid. The zod schemas stay the definition; this compiles them once (through
 * zod's own JSON Schema output) into plain checking functions with Ajv, which judge a catch-up's
 * hundreds of thousands of messages several times faster than walking the schemas.
 *
 * Only a yes is final. Objects are closed here (no field the protocol does not name), so a
 * message from a newer hub with extra fields, or any message this refuses, goes the zod way,
 * which counts the extra fields and words the reason. A yes means zod accepts the message and
 * returns it unchanged (no schema transforms anything): property tests hold the two together.
 */
export function passesFastCheck(type: MessageType, message: unknown): boolean {
  let check = compiled.get(type);
  if (!check) compiled.set(type, (check = compile(type)));
  return check(message);
}

const compiled = new Map<MessageType, ValidateFunction>();

const ajv = new Ajv2020.default({
  // zod's lengths are String.length (UTF-16 units); JSON Schema's default counts code points.
  unicode: false,
  // The `format` zod adds beside its own pattern is informative; the pattern decides.
  validateFormats: false,
  allErrors: false,
  strict: false,
  // Ajv warns through console.warn (that `unicode` is deprecated in favour of the code-point
  // count this must not use), and nothing may write over the console's screen.
  logger: false,
});
// zod refines its instants to a plausible range, which JSON Schema cannot say: a keyword of our own.
ajv.addKeyword({
  keyword: 'x-instant',
  type: 'string',
  schemaType: 'boolean',
  errors: false,
  validate: (_: boolean, value: string) => instantInRange(instantMs(value)),
});

function compile(type: MessageType): ValidateFunction {
  const schema = envelopeSchema.extend({ type: z.literal(type), data: dataSchemas[type] });
  const json = z.toJSONSchema(schema, {
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema === isoTimestampSchema) ctx.jsonSchema['x-instant'] = true;
    },
  });
  return ajv.compile(closeObjects(json));
}

/** Every object schema refuses fields it does not name. */
function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const child of node) closeObjects(child);
  } else if (node !== null && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'object' && n.properties && n.additionalProperties === undefined) n.additionalProperties = false;
    for (const child of Object.values(n)) closeObjects(child);
  }
  return node;
}
