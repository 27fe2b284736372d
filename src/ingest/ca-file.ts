import { readFileSync } from 'node:fs';

/** A `--ca` file that cannot be used; the message is meant for the operator, as is. */
export class CaFileError extends Error {
  override readonly name = 'CaFileError';
}

/**
 * Reads the certificate authorities to trust for `wss://` (`--ca FILE`, PEM). Given one, the
 * client trusts only these (Node replaces its default set), which suits a hub certified by its
 * own authority; verification itself stays on: a hub whose chain does not lead to them is refused.
 */
export function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CaFileError(`cannot read CA file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CaFileError(`CA file ${path} holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)`);
  }
  return text;
}
