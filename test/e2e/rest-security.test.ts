// REST security and limits end to end, against real standalone workers:
// - https with a PKCS12 key store from Kafka's listeners.https.ssl.* keys (its password read through
//   a config provider, KIP-421) and basic authentication configured as for Kafka's
//   BasicAuthSecurityRestExtension (the JAAS file's KafkaConnect entry names the users file):
//   Kafka's plain-text 401 without or with wrong credentials, the API with the right ones, TLS
//   verified against the test CA only;
// - a worker whose key store password is wrong refuses to start, naming the key, not the password;
// - basic authentication from a users file on plain http, and bad input that must not hurt the
//   worker: a 10 MB body, malformed JSON, wrong types, unknown classes, empty, '/'-holding and
//   300-character names.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';
import { STORE_PASSWORD, makeTestCerts, type TestCerts } from '../support/tls-certs.js';

const EXTENSION = 'org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension';
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = basic('admin', 'admin-secret-77');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An https request trusting only `ca`; rejects with the TLS error when the handshake fails. */
function httpsRequest(url: string, options: { ca?: Buffer; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, ...(options.ca ? { ca: options.ca } : {}), agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function fileConnector(directory: string): Record<string, string> {
  return { 'connector.class': 'FileStreamSink', file: join(directory, 'sink.txt'), topics: `rest-security-${Date.now()}` };
}

describe('https and basic authentication as Kafka configures them', () => {
  let certs: TestCerts;
  let worker: StandaloneWorker;
  let ca: Buffer;
  let directory: string;

  beforeAll(async () => {
    certs = makeTestCerts();
    ca = readFileSync(certs.caCert);
    directory = mkdtempSync(join(tmpdir(), 'pc-rest-security-'));
    const users = join(directory, 'connect.password');
    writeFileSync(users, 'admin: admin-secret-77\nviewer: viewer-pw\n');
    const jaas = join(directory, 'connect_jaas.conf');
    writeFileSync(jaas, `KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n  file="${users}";\n};\n`);
    const tlsSecrets = join(directory, 'tls.properties');
    writeFileSync(tlsSecrets, `keystore.password=${STORE_PASSWORD}\n`);
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      scheme: 'https',
      properties: {
        'rest.extension.classes': EXTENSION,
        'rest.basic.auth.jaas.config.file': jaas,
        'config.providers': 'file',
        'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
        'listeners.https.ssl.keystore.type': 'PKCS12',
        'listeners.https.ssl.keystore.location': certs.serverP12,
        'listeners.https.ssl.keystore.password': `\${file:${tlsSecrets}:keystore.password}`,
      },
      ready: async (url) => (await httpsRequest(`${url}/`, { ca, headers: { authorization: ADMIN } }).catch(() => undefined))?.status === 200,
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('answers Kafka’s plain-text 401 without credentials, with wrong ones and with another scheme', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: basic('admin', 'wrong') }, { authorization: basic('nobody', 'admin-secret-77') }, { authorization: 'Bearer admin-secret-77' }];
    for (const headers of attempts) {
      for (const path of ['/', '/connectors', '/connector-plugins', '/admin/loggers', '/health']) {
        const answer = await httpsRequest(`${worker.restUrl}${path}`, { ca, headers });
        expect(answer.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.body).toBe('User cannot access the resource.');
        expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
      }
    }
    const create = await httpsRequest(`${worker.restUrl}/connectors`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sneaky', config: fileConnector(directory) }),
    });
    expect(create.status).toBe(401);
    expect((await httpsRequest(`${worker.restUrl}/connectors/sneaky`, { ca, headers: { authorization: ADMIN } })).status).toBe(404);
  });

  it('serves the API to a user of the users file, with https Location headers', async () => {
    const root = await httpsRequest(`${worker.restUrl}/`, { ca, headers: { authorization: basic('viewer', 'viewer-pw') } });
    expect(root.status).toBe(200);
    expect(JSON.parse(root.body)).toMatchObject({ version: '4.1.2' });
    const config = fileConnector(directory);
    const created = await httpsRequest(`${worker.restUrl}/connectors`, {
      ca,
      method: 'POST',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'secured', config }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${worker.restUrl}/connectors/secured`);
    const stored = await httpsRequest(`${worker.restUrl}/connectors/secured/config`, { ca, headers: { authorization: ADMIN } });
    expect(JSON.parse(stored.body)).toEqual({ ...config, name: 'secured' });
    expect((await httpsRequest(`${worker.restUrl}/connectors/secured`, { ca, method: 'DELETE', headers: { authorization: ADMIN } })).status).toBe(204);
  });

  it('is reachable over TLS only, trusted through its CA', async () => {
    await expect(httpsRequest(`${worker.restUrl}/`, { headers: { authorization: ADMIN } })).rejects.toThrow(/self-signed|unable to (get|verify)/i);
    // The server sends its chain up to the CA, which nobody here trusts.
    await expect(httpsRequest(`${worker.restUrl}/`, { ca: readFileSync(certs.otherCaCert), headers: { authorization: ADMIN } })).rejects.toThrow(/self-signed|unable to (get|verify)/i);
    await expect(fetch(worker.restUrl.replace('https:', 'http:'), { headers: { authorization: ADMIN } })).rejects.toThrow();
  });

  it('logs what protects the REST API, and neither passwords nor the key store password', () => {
    const line = worker.logs.find((entry) => entry.msg === 'REST security');
    expect(line).toMatchObject({ configProviders: ['file'], restAuthentication: `basic (2 users from ${join(directory, 'connect.password')})`, restTls: `PKCS12 key store ${certs.serverP12}; TLSv1.2..TLSv1.3` });
    const log = worker.logText(10_000);
    for (const secret of [STORE_PASSWORD, 'admin-secret-77', 'viewer-pw']) expect(log).not.toContain(secret);
  });
});

describe('a worker with a wrong key store password', () => {
  it('refuses to start, naming the key and not the password', async () => {
    const certs = makeTestCerts();
    let failure = '';
    try {
      await StandaloneWorker.start({
        bootstrapServers: kafkaBootstrapServers(),
        scheme: 'https',
        properties: {
          'listeners.https.ssl.keystore.location': certs.serverP12,
          'listeners.https.ssl.keystore.password': 'not-the-password-31337',
        },
      });
    } catch (error) {
      failure = (error as Error).message;
    }
    expect(failure).toContain('The worker exited (code 1)');
    expect(failure).toContain("polyconnect: The https listener's TLS settings do not work (listeners.https.ssl.keystore.location)");
    expect(failure).not.toContain('not-the-password-31337');
  });
});

describe('basic authentication from a users file, and bad input', () => {
  let worker: StandaloneWorker;
  let directory: string;
  const auth = { authorization: basic('ops', 'ops-pw') };
  const send = (method: string, path: string, body?: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> =>
    fetch(`${worker.restUrl}${path}`, { method, headers: { ...auth, ...headers }, body });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'pc-rest-limits-'));
    const users = join(directory, 'users.properties');
    writeFileSync(users, 'ops=ops-pw\n');
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'rest.basic.auth.users.file': users },
      ready: async (url) => (await fetch(url, { headers: auth }).catch(() => undefined))?.status === 200,
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('refuses plain http requests without the user', async () => {
    const response = await fetch(`${worker.restUrl}/connectors`);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('User cannot access the resource.');
    expect((await fetch(`${worker.restUrl}/connectors`, { headers: auth })).status).toBe(200);
  });

  it('answers a 10 MB body with 413 and keeps serving', async () => {
    const big = JSON.stringify({ name: 'big', config: { ...fileConnector(directory), padding: 'x'.repeat(10 * 1024 * 1024) } });
    const response = await send('POST', '/connectors', big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error_code: 413, message: 'Request body is larger than 1048576 bytes' });
    expect((await send('GET', '/connectors/big')).status).toBe(404);
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('answers malformed JSON, a missing content type and wrong types with Kafka-shaped errors', async () => {
    const malformed = await send('POST', '/connectors', '{"name": "x", "config": {');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toMatch(/^Malformed JSON in request body: /);
    const noType = await send('POST', '/connectors', '{}', {});
    expect(noType.status).toBe(415);
    expect(await noType.json()).toEqual({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' });
    const nested = await send('POST', '/connectors', JSON.stringify({ name: 'x', config: { ...fileConnector(directory), 'tasks.max': { n: 1 } } }));
    expect(nested.status).toBe(400);
    expect(await nested.json()).toEqual({ error_code: 400, message: 'The value of tasks.max must be a string, number or boolean' });
    const notANumber = await send('PUT', '/connectors/typed/config', JSON.stringify({ ...fileConnector(directory), 'tasks.max': 'many' }));
    expect(notANumber.status).toBe(400);
    expect(((await notANumber.json()) as { message: string }).message).toContain('Invalid value many for configuration tasks.max: Not a number of type INT');
  });

  it('answers an unknown connector class with Kafka’s 500 and the prefix kcctl looks for', async () => {
    const response = await send('POST', '/connectors', JSON.stringify({ name: 'unknown', config: { 'connector.class': 'com.example.NoSuchConnector' } }));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Failed to find any class that implements Connector and which name matches com\.example\.NoSuchConnector, available connectors are: /);
  });

  it('refuses empty names and names with a slash, and takes a 300-character name as Kafka does', async () => {
    const empty = await send('POST', '/connectors', JSON.stringify({ name: '  ', config: fileConnector(directory) }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toContain('Invalid value  for configuration name: String may not be empty');
    const slash = await send('POST', '/connectors', JSON.stringify({ name: 'team/orders', config: fileConnector(directory) }));
    expect(slash.status).toBe(400);
    expect(((await slash.json()) as { message: string }).message).toContain("Invalid value team/orders for configuration name: Connector names may not contain '/', which REST paths cannot carry");
    const viaPath = await send('PUT', `/connectors/${encodeURIComponent('a/b')}/config`, JSON.stringify(fileConnector(directory)));
    expect(viaPath.status).toBe(400);
    const long = 'n'.repeat(300);
    const created = await send('POST', '/connectors', JSON.stringify({ name: long, config: fileConnector(directory) }));
    expect(created.status).toBe(201);
    expect(((await (await send('GET', `/connectors/${long}`)).json()) as { name: string }).name).toBe(long);
    const state = async (): Promise<string | undefined> => {
      const response = await send('GET', `/connectors/${long}/status`);
      return response.status === 200 ? ((await response.json()) as { connector: { state: string } }).connector.state : undefined;
    };
    await worker.waitFor(async () => (await state()) === 'RUNNING', 30_000, 'the long-named connector to run');
    expect((await send('DELETE', `/connectors/${long}`)).status).toBe(204);
    expect(await (await send('GET', '/connectors')).json()).toEqual([]);
  });
});
