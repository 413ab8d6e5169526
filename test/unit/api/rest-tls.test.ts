// TLS for https REST listeners from Kafka's keys: PEM files, PEM key stores (with an encrypted key),
// inline PEM, PKCS12 key stores, JKS refused with the command that converts it, listeners.https.
// taking precedence all or nothing, client certificates, protocol versions; and a RestServer on
// https answered through node:https with the test CA (and refused without it).

import { readFileSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { RestServer } from '../../../src/api/rest/rest-server.js';
import { loadRestTls, restTlsFromWorkerConfig } from '../../../src/api/rest/tls.js';
import type { Herder } from '../../../src/herder/herder.js';
import { KEY_PASSWORD, STORE_PASSWORD, makeTestCerts, type TestCerts } from '../../support/tls-certs.js';

let certs: TestCerts;
beforeAll(() => {
  certs = makeTestCerts();
});

const herder = { serverInfo: () => ({ version: '4.1.2', commit: 'c', kafka_cluster_id: 'k' }), connectors: () => [] } as unknown as Herder;

/** GET over https; resolves with status and body, rejects with the TLS error. */
function httpsGet(url: string, options: RequestOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts a RestServer on an ephemeral https port with these worker keys, runs `work`, stops it. */
async function withHttpsServer(keys: Record<string, string>, work: (base: string) => Promise<void>): Promise<void> {
  const tls = loadRestTls(keys);
  const server = new RestServer(herder, pino({ level: 'silent' }), { tls: tls.serverOptions });
  const [base] = (await server.start(['https://127.0.0.1:0'])) as [string];
  try {
    await work(base.replace('127.0.0.1', 'localhost'));
  } finally {
    await server.stop();
  }
}

describe('restTlsFromWorkerConfig', () => {
  it('is not needed without an https listener', () => {
    expect(restTlsFromWorkerConfig({ 'ssl.keystore.location': '/does/not/matter' }, ['http://127.0.0.1:8083'])).toBeUndefined();
  });

  it('asks for a certificate when a listener is https and none is given', () => {
    expect(() => restTlsFromWorkerConfig({}, ['https://127.0.0.1:8443'])).toThrow(
      'An https listener needs a certificate and its private key: set ssl.keystore.location (PKCS12 or PEM), or ssl.certificate.location and ssl.key.location (PEM files)',
    );
  });
});

describe('loadRestTls key material', () => {
  it('serves PEM files (ssl.certificate.location, ssl.key.location), trusted through the CA only', async () => {
    await withHttpsServer({ 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey }, async (base) => {
      const ok = await httpsGet(`${base}/`, { ca: readFileSync(certs.caCert) });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ version: '4.1.2' });
      await expect(httpsGet(`${base}/`)).rejects.toThrow(/self-signed|unable to (get|verify)/i);
      await expect(httpsGet(`${base}/`, { ca: readFileSync(certs.otherCaCert) })).rejects.toThrow(/unable to (get|verify)/i);
    });
  });

  it('serves a PKCS12 key store (listeners.https.ssl.keystore.*), and names the key when the password is wrong', async () => {
    const keys = { 'listeners.https.ssl.keystore.type': 'PKCS12', 'listeners.https.ssl.keystore.location': certs.serverP12, 'listeners.https.ssl.keystore.password': STORE_PASSWORD };
    expect(loadRestTls(keys).description).toBe(`PKCS12 key store ${certs.serverP12}; TLSv1.2..TLSv1.3`);
    await withHttpsServer(keys, async (base) => {
      expect((await httpsGet(`${base}/connectors`, { ca: readFileSync(certs.caCert) })).body).toBe('[]');
    });
    let message = '';
    try {
      loadRestTls({ ...keys, 'listeners.https.ssl.keystore.password': 'wrong-password-123' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The https listener's TLS settings do not work \(listeners\.https\.ssl\.keystore\.location\): /);
    expect(message).not.toContain('wrong-password-123');
  });

  it('serves a PEM key store (key and chain in one file) with an encrypted key and ssl.key.password', async () => {
    const bundle = join(certs.dir, 'encrypted-bundle.pem');
    writeFileSync(bundle, readFileSync(certs.serverKeyEncrypted, 'utf8') + readFileSync(certs.serverCert, 'utf8'));
    const keys = { 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': bundle, 'ssl.key.password': KEY_PASSWORD };
    await withHttpsServer(keys, async (base) => {
      expect((await httpsGet(`${base}/`, { ca: readFileSync(certs.caCert) })).status).toBe(200);
    });
    expect(() => loadRestTls({ ...keys, 'ssl.key.password': 'nope' })).toThrow("The https listener's TLS settings do not work (ssl.keystore.location)");
    // The plain bundle needs no password.
    expect(loadRestTls({ 'ssl.keystore.location': certs.serverBundle }).description).toBe(`PEM key store ${certs.serverBundle}; TLSv1.2..TLSv1.3`);
  });

  it('serves inline PEM (ssl.keystore.key, ssl.keystore.certificate.chain)', async () => {
    const keys = { 'ssl.keystore.type': 'PEM', 'ssl.keystore.key': readFileSync(certs.serverKey, 'utf8'), 'ssl.keystore.certificate.chain': readFileSync(certs.serverCert, 'utf8') };
    await withHttpsServer(keys, async (base) => {
      expect((await httpsGet(`${base}/`, { ca: readFileSync(certs.caCert) })).status).toBe(200);
    });
    expect(() => loadRestTls({ 'ssl.keystore.key': readFileSync(certs.serverKey, 'utf8') })).toThrow('ssl.keystore.key and ssl.keystore.certificate.chain go together');
  });

  it('refuses a JKS key store with the keytool command that converts it', () => {
    const jks = join(certs.dir, 'keystore.jks');
    writeFileSync(jks, Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]));
    expect(() => loadRestTls({ 'ssl.keystore.location': jks, 'ssl.keystore.password': 'x' })).toThrow(
      `ssl.keystore.location=${jks} is a JKS key store, which Node.js cannot read; convert it with keytool -importkeystore -srckeystore ${jks} -destkeystore keystore.p12 -deststoretype PKCS12, or give PEM files`,
    );
  });

  it('takes listeners.https.ssl.* all or nothing, as Kafka does', () => {
    const settings = loadRestTls({
      'ssl.keystore.location': '/not/read/because/a/prefixed/key/is/set.p12',
      'listeners.https.ssl.certificate.location': certs.serverCert,
      'listeners.https.ssl.key.location': certs.serverKey,
      'listeners.https.ssl.keystore.locaton': 'typo',
    });
    expect(settings.description).toBe(`PEM certificate ${certs.serverCert} and key ${certs.serverKey}; TLSv1.2..TLSv1.3`);
    expect(settings.unknownKeys).toEqual(['listeners.https.ssl.keystore.locaton']);
  });

  it('refuses two kinds of key material, half of a pair, unreadable files and non-PEM certificates', () => {
    expect(() => loadRestTls({ 'ssl.keystore.location': certs.serverP12, 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey })).toThrow(
      'Set one way of giving the https listener its key, not several: ssl.keystore.location; ssl.certificate.location and ssl.key.location',
    );
    expect(() => loadRestTls({ 'ssl.certificate.location': certs.serverCert })).toThrow('ssl.certificate.location and ssl.key.location go together');
    expect(() => loadRestTls({ 'ssl.keystore.location': '/no/such/keystore.p12' })).toThrow('Cannot read ssl.keystore.location=/no/such/keystore.p12: ENOENT');
    expect(() => loadRestTls({ 'ssl.certificate.location': certs.serverP12, 'ssl.key.location': certs.serverKey })).toThrow(`ssl.certificate.location=${certs.serverP12} is not a PEM file`);
  });
});

describe('loadRestTls client certificates and protocols', () => {
  it('requires a client certificate signed by the trust store with ssl.client.auth=required', async () => {
    const keys = {
      'listeners.https.ssl.certificate.location': certs.serverCert,
      'listeners.https.ssl.key.location': certs.serverKey,
      'listeners.https.ssl.client.auth': 'required',
      'listeners.https.ssl.truststore.type': 'PEM',
      'listeners.https.ssl.truststore.location': certs.caCert,
    };
    await withHttpsServer(keys, async (base) => {
      const ca = readFileSync(certs.caCert);
      const withCert = await httpsGet(`${base}/`, { ca, cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) });
      expect(withCert.status).toBe(200);
      await expect(httpsGet(`${base}/`, { ca })).rejects.toThrow();
    });
    expect(() => loadRestTls({ 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey, 'ssl.client.auth': 'required' })).toThrow(
      'ssl.client.auth=required needs the CA certificates to check clients against: set ssl.truststore.location',
    );
    expect(() => loadRestTls({ 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey, 'ssl.client.auth': 'always' })).toThrow(
      'Invalid value always for configuration ssl.client.auth',
    );
  });

  it('refuses a PKCS12 trust store, naming the commands that export PEM', () => {
    expect(() => loadRestTls({ 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey, 'ssl.truststore.location': certs.serverP12 })).toThrow(
      `ssl.truststore.location=${certs.serverP12}: only PEM trust stores are supported`,
    );
  });

  it('limits TLS versions with ssl.enabled.protocols', async () => {
    const keys = { 'ssl.certificate.location': certs.serverCert, 'ssl.key.location': certs.serverKey, 'ssl.enabled.protocols': 'TLSv1.3' };
    expect(loadRestTls(keys).serverOptions).toMatchObject({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
    await withHttpsServer(keys, async (base) => {
      const ca = readFileSync(certs.caCert);
      expect((await httpsGet(`${base}/`, { ca, maxVersion: 'TLSv1.3' })).status).toBe(200);
      await expect(httpsGet(`${base}/`, { ca, maxVersion: 'TLSv1.2' })).rejects.toThrow();
    });
    expect(() => loadRestTls({ ...keys, 'ssl.enabled.protocols': 'SSLv3' })).toThrow('Invalid value SSLv3 for configuration ssl.enabled.protocols');
  });
});
