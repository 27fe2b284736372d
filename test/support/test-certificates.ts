import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Paths of a throwaway CA and of a certificate for 127.0.0.1 it signed. */
export interface TestCertificates {
  /** The CA's certificate (PEM), what `--ca` is given. */
  readonly ca: string;
  /** The hub's key and certificate, for a TLS server on 127.0.0.1. */
  readonly key: string;
  readonly cert: string;
  /** The hub's signing request: a PEM file that holds no certificate. */
  readonly csr: string;
}

/**
 * Issues, with openssl, a CA (`dir/ca.*`) and a certificate for IP 127.0.0.1 signed by it
 * (`dir/NAME.*`), valid for two days.
 */
export function issueTestCertificates(dir: string, name: string, caName: string): TestCertificates {
  const ca = path.join(dir, 'ca');
  const leaf = path.join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${caName}`,
    '-keyout',
    `${ca}.key`,
    '-out',
    `${ca}.pem`,
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    `${leaf}.key`,
    '-out',
    `${leaf}.csr`,
  );
  writeFileSync(`${leaf}.ext`, 'subjectAltName=IP:127.0.0.1\n');
  ssl(
    'x509',
    '-req',
    '-in',
    `${leaf}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    `${leaf}.ext`,
    '-out',
    `${leaf}.pem`,
  );
  return { ca: `${ca}.pem`, key: `${leaf}.key`, cert: `${leaf}.pem`, csr: `${leaf}.csr` };
}
