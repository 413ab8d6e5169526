// Throwaway TLS material for tests, made with the openssl command line at test time (Node's crypto
// cannot issue X.509 certificates): a CA, a server certificate for localhost and 127.0.0.1 signed
// by it (as PEM files, an encrypted PEM key, a PEM bundle and a PKCS12 key store) and a client
// certificate for mutual TLS. Curves are P-256 so that making them takes milliseconds.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCerts {
  readonly dir: string;
  /** PEM files. */
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** serverKey encrypted with KEY_PASSWORD. */
  readonly serverKeyEncrypted: string;
  /** serverKey then serverCert and the CA, in one PEM file (Kafka's PEM key store layout). */
  readonly serverBundle: string;
  /** PKCS12 key store with serverKey and serverCert, protected by STORE_PASSWORD. */
  readonly serverP12: string;
  readonly clientCert: string;
  readonly clientKey: string;
  /** A CA that signed nothing here. */
  readonly otherCaCert: string;
}

export const KEY_PASSWORD = 'key-pass-4711';
export const STORE_PASSWORD = 'store-pass-0815';

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'pc-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const makeCa = (name: string): void =>
    openssl('req', '-x509', ...ecKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.crt`), '-days', '2', '-subj', `/CN=Polyconnect test ${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (name: string, subject: string, extensions: string): void => {
    openssl('req', ...ecKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file(`${name}.crt`), '-days', '2', '-extfile', file(`${name}.ext`));
  };
  makeCa('ca');
  makeCa('other-ca');
  issue('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('client', '/CN=polyconnect-client', 'extendedKeyUsage=clientAuth\n');
  openssl('pkey', '-in', file('server.key'), '-aes256', '-passout', `pass:${KEY_PASSWORD}`, '-out', file('server-encrypted.key'));
  openssl('pkcs12', '-export', '-inkey', file('server.key'), '-in', file('server.crt'), '-certfile', file('ca.crt'), '-passout', `pass:${STORE_PASSWORD}`, '-out', file('server.p12'));
  writeFileSync(file('server-bundle.pem'), [readFileSync(file('server.key'), 'utf8'), readFileSync(file('server.crt'), 'utf8'), readFileSync(file('ca.crt'), 'utf8')].join(''));
  return {
    dir,
    caCert: file('ca.crt'),
    serverCert: file('server.crt'),
    serverKey: file('server.key'),
    serverKeyEncrypted: file('server-encrypted.key'),
    serverBundle: file('server-bundle.pem'),
    serverP12: file('server.p12'),
    clientCert: file('client.crt'),
    clientKey: file('client.key'),
    otherCaCert: file('other-ca.crt'),
  };
}
