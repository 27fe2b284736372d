import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { z } from 'zod';
import { messageSchemas } from './envelope.js';
import { instantMs } from './instant.js';
import type { MessageType } from './messages.js';
import { instantInRange, isoTimestampSchema } from './primitives.js';

/**
 * The common case, checked fast: the zod schemas compiled once (through their JSON Schema) with Ajv, several times
 * faster over a catch-up. Only a yes is final: objects are closed, so extra fields or any refusal go the zod way,
 * which counts and words them; a yes means zod accepts the message unchanged (property tests hold the two together).
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
  const json = z.toJSONSchema(messageSchemas[type], {
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema === isoTimestampSchema) ctx.jsonSchema['x-instant'] = true;
    },
  });
  return ajv.compile(closeObjects(json));
}

/** Every object schema refuses fields it does not name. */
function closeObjects<T>(node: T): T {
  // Arrays included: their items are schemas too.
  if (node !== null && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'object' && n.properties && n.additionalProperties === undefined) n.additionalProperties = false;
    for (const child of Object.values(n)) closeObjects(child);
  }
  return node;
}
