// TLS for https:// REST listeners, from Kafka's keys: `listeners.https.ssl.*`, or the plain `ssl.*`
// keys when no prefixed key is set (Kafka's valuesWithPrefixAllOrNothing: one prefixed key means
// only prefixed keys count). Kafka's REST server (Jetty) takes JKS or PKCS12 key stores; Node.js
// (OpenSSL) takes PKCS12 and PEM, so:
//
//   key material, one of
//     ssl.keystore.location          PKCS12 (with ssl.keystore.password), or PEM holding the
//                                    private key and the certificate chain (KIP-651's layout);
//                                    the format is recognised from the file; JKS is refused with
//                                    the keytool command that converts it
//     ssl.keystore.key + ssl.keystore.certificate.chain   inline PEM (ssl.keystore.type=PEM)
//     ssl.certificate.location + ssl.key.location         PEM files (Polyconnect's keys)
//   ssl.key.password                 decrypts an encrypted PEM private key
//   ssl.client.auth                  none | requested | required (client certificates)
//   ssl.truststore.location / ssl.truststore.certificates   PEM CA certificates for client auth
//   ssl.enabled.protocols            TLSv1.2,TLSv1.3 by default
//   ssl.cipher.suites                OpenSSL names
//
// The other ssl.* keys Kafka knows (ssl.protocol, ssl.provider, algorithms) are accepted and
// ignored. Everything is read and checked when the worker starts, so a wrong password or a broken
// file stops it with a message naming the key, never with the secret.

import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import { createSecureContext, type SecureVersion } from 'node:tls';
import { ConfigException, Password } from '../../data/index.js';
import { SSL_CONFIG_DEF, parseListener, withPrefix } from '../../config/worker-config.js';

export const HTTPS_LISTENER_PREFIX = 'listeners.https.';

export interface RestTlsSettings {
  /** Options for https.createServer. */
  readonly serverOptions: ServerOptions;
  /** What was loaded, for the startup log (file names and formats, no secrets). */
  readonly description: string;
  /** Prefixed keys that are not TLS keys (likely typos); the caller warns. */
  readonly unknownKeys: string[];
}

const TLS_VERSIONS: Record<string, SecureVersion> = { tlsv1: 'TLSv1', 'tlsv1.1': 'TLSv1.1', 'tlsv1.2': 'TLSv1.2', 'tlsv1.3': 'TLSv1.3' };
const VERSION_ORDER: SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/**
 * The TLS settings of the worker's https listeners, or undefined when no listener is https.
 * Throws ConfigException when an https listener has no usable key material.
 */
export function restTlsFromWorkerConfig(originals: Readonly<Record<string, string>>, listeners: readonly string[]): RestTlsSettings | undefined {
  if (!listeners.some((listener) => parseListener(listener).protocol === 'https')) return undefined;
  return loadRestTls(originals);
}

/** Reads and checks the TLS settings (key material, trust store, client auth, protocols). */
export function loadRestTls(originals: Readonly<Record<string, string>>): RestTlsSettings {
  const prefixed = withPrefix(originals, HTTPS_LISTENER_PREFIX);
  const usePrefix = Object.keys(prefixed).length > 0;
  const prefix = usePrefix ? HTTPS_LISTENER_PREFIX : '';
  const source = usePrefix ? prefixed : originals;
  const sslKeys = Object.fromEntries(Object.entries(source).filter(([key]) => SSL_CONFIG_DEF.key(key) !== undefined));
  const unknownKeys = usePrefix ? Object.keys(prefixed).filter((key) => SSL_CONFIG_DEF.key(key) === undefined).map((key) => `${prefix}${key}`) : [];
  let parsed: Record<string, unknown>;
  try {
    parsed = SSL_CONFIG_DEF.parse(sslKeys);
  } catch (error) {
    throw new ConfigException((error as Error).message.replace(/for configuration ssl\./, `for configuration ${prefix}ssl.`));
  }
  const string = (key: string): string | null => {
    const value = parsed[key];
    if (value === null || value === undefined) return null;
    const text = value instanceof Password ? value.value() : String(value);
    return text.trim() === '' ? null : text.trim();
  };
  const key = (name: string): string => `${prefix}${name}`;
  const options: ServerOptions = {};
  const described: string[] = [];

  // Key material: exactly one of the three forms.
  const forms = [
    string('ssl.keystore.location') !== null ? 'ssl.keystore.location' : undefined,
    string('ssl.keystore.key') !== null || string('ssl.keystore.certificate.chain') !== null ? 'ssl.keystore.key and ssl.keystore.certificate.chain' : undefined,
    string('ssl.certificate.location') !== null || string('ssl.key.location') !== null ? 'ssl.certificate.location and ssl.key.location' : undefined,
  ].filter((form): form is string => form !== undefined);
  if (forms.length === 0) {
    throw new ConfigException(
      `An https listener needs a certificate and its private key: set ${key('ssl.keystore.location')} (PKCS12 or PEM), ` +
        `or ${key('ssl.certificate.location')} and ${key('ssl.key.location')} (PEM files)`,
    );
  }
  if (forms.length > 1) throw new ConfigException(`Set one way of giving the https listener its key, not several: ${forms.map(key).join('; ')}`);
  const keyPassword = string('ssl.key.password');
  if (forms[0] === 'ssl.keystore.location') {
    const location = string('ssl.keystore.location')!;
    const bytes = readKeyMaterial(location, key('ssl.keystore.location'));
    const format = sniffFormat(bytes);
    const declared = string('ssl.keystore.type')?.toUpperCase() ?? null;
    if (format === 'JKS' || (declared === 'JKS' && format !== 'PKCS12')) {
      throw new ConfigException(
        `${key('ssl.keystore.location')}=${location} is a JKS key store, which Node.js cannot read; convert it with ` +
          `keytool -importkeystore -srckeystore ${location} -destkeystore keystore.p12 -deststoretype PKCS12, or give PEM files`,
      );
    }
    if (format === 'PEM') {
      const text = bytes.toString('utf8');
      Object.assign(options, { key: text, cert: text }, keyPassword === null ? {} : { passphrase: keyPassword });
      described.push(`PEM key store ${location}`);
    } else {
      const storePassword = string('ssl.keystore.password');
      if (keyPassword !== null && storePassword !== null && keyPassword !== storePassword) {
        throw new ConfigException(`${key('ssl.key.password')} differs from ${key('ssl.keystore.password')}: Node.js reads PKCS12 key stores whose key and store share one password`);
      }
      Object.assign(options, { pfx: bytes }, storePassword ?? keyPassword ? { passphrase: storePassword ?? keyPassword } : {});
      described.push(`PKCS12 key store ${location}`);
    }
  } else if (forms[0] === 'ssl.keystore.key and ssl.keystore.certificate.chain') {
    const pemKey = string('ssl.keystore.key');
    const chain = string('ssl.keystore.certificate.chain');
    if (pemKey === null || chain === null) throw new ConfigException(`${key('ssl.keystore.key')} and ${key('ssl.keystore.certificate.chain')} go together`);
    Object.assign(options, { key: pemKey, cert: chain }, keyPassword === null ? {} : { passphrase: keyPassword });
    described.push('inline PEM key and certificate chain');
  } else {
    const certLocation = string('ssl.certificate.location');
    const keyLocation = string('ssl.key.location');
    if (certLocation === null || keyLocation === null) throw new ConfigException(`${key('ssl.certificate.location')} and ${key('ssl.key.location')} go together`);
    const cert = readKeyMaterial(certLocation, key('ssl.certificate.location'));
    const pemKey = readKeyMaterial(keyLocation, key('ssl.key.location'));
    if (sniffFormat(cert) !== 'PEM') throw new ConfigException(`${key('ssl.certificate.location')}=${certLocation} is not a PEM file`);
    if (sniffFormat(pemKey) !== 'PEM') throw new ConfigException(`${key('ssl.key.location')}=${keyLocation} is not a PEM file`);
    Object.assign(options, { cert, key: pemKey }, keyPassword === null ? {} : { passphrase: keyPassword });
    described.push(`PEM certificate ${certLocation} and key ${keyLocation}`);
  }

  // Client certificates.
  const trustLocation = string('ssl.truststore.location');
  const trustInline = string('ssl.truststore.certificates');
  if (trustLocation !== null && trustInline !== null) throw new ConfigException(`Set ${key('ssl.truststore.location')} or ${key('ssl.truststore.certificates')}, not both`);
  let ca: string | undefined = trustInline ?? undefined;
  if (trustLocation !== null) {
    const bytes = readKeyMaterial(trustLocation, key('ssl.truststore.location'));
    if (sniffFormat(bytes) !== 'PEM') {
      throw new ConfigException(
        `${key('ssl.truststore.location')}=${trustLocation}: only PEM trust stores are supported; export the CA certificates with ` +
          'keytool -exportcert -rfc, or openssl pkcs12 -nokeys -cacerts',
      );
    }
    ca = bytes.toString('utf8');
  }
  const clientAuth = (string('ssl.client.auth') ?? 'none').toLowerCase();
  if (clientAuth !== 'none') {
    if (ca === undefined) throw new ConfigException(`${key('ssl.client.auth')}=${clientAuth} needs the CA certificates to check clients against: set ${key('ssl.truststore.location')}`);
    Object.assign(options, { ca, requestCert: true, rejectUnauthorized: clientAuth === 'required' });
    described.push(`client certificates ${clientAuth}`);
  }

  // Protocol versions and cipher suites.
  const protocols = (parsed['ssl.enabled.protocols'] as string[]).map((protocol) => {
    const version = TLS_VERSIONS[protocol.toLowerCase()];
    if (version === undefined) throw ConfigException.invalidValue(key('ssl.enabled.protocols'), protocol, 'Supported: TLSv1.2, TLSv1.3 (and the obsolete TLSv1, TLSv1.1)');
    return version;
  });
  if (protocols.length === 0) throw ConfigException.invalidValue(key('ssl.enabled.protocols'), '', 'At least one protocol is needed');
  const sorted = [...protocols].sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
  Object.assign(options, { minVersion: sorted[0], maxVersion: sorted.at(-1) });
  const ciphers = parsed['ssl.cipher.suites'] as string[] | null;
  if (ciphers !== null && ciphers.length > 0) options.ciphers = ciphers.join(':');

  try {
    createSecureContext(options);
  } catch (error) {
    throw new ConfigException(`The https listener's TLS settings do not work (${forms.map(key).join('; ')}): ${(error as Error).message}`);
  }
  return { serverOptions: options, description: `${described.join(', ')}; ${sorted[0]}..${sorted.at(-1)}`, unknownKeys };
}

function readKeyMaterial(path: string, key: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigException(`Cannot read ${key}=${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** PEM (text with -----BEGIN), JKS (magic FEEDFEED) or PKCS12 (anything else: DER). */
function sniffFormat(bytes: Buffer): 'PEM' | 'JKS' | 'PKCS12' {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xfeedfeed) return 'JKS';
  if (bytes.subarray(0, 64 * 1024).toString('latin1').includes('-----BEGIN ')) return 'PEM';
  return 'PKCS12';
}
