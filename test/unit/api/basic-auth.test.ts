// Basic authentication as Kafka's BasicAuthSecurityRestExtension answers: Authorization parsing
// (BasicAuthCallBackHandler's rules, Java's strict base64), users files, the JAAS file and its
// KafkaConnect entry, the worker keys that turn it on, and a RestServer refusing every route with
// Kafka's exact 401 while letting the right user through.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASIC_AUTH_EXTENSION_CLASS,
  BasicAuthenticator,
  UNAUTHORIZED_BODY,
  basicAuthFromWorkerConfig,
  parseBasicAuthorization,
  parseJaasConfig,
  usersFileFromJaasConfig,
} from '../../../src/api/rest/basic-auth.js';
import { RestServer } from '../../../src/api/rest/rest-server.js';
import type { Herder } from '../../../src/herder/herder.js';

const basic = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pc-basic-auth-'));
}

function usersFile(dir: string, text = 'alice: wonderland\nbob=builder\n# carol: nope\nempty.password=\n'): string {
  const file = join(dir, 'users.properties');
  writeFileSync(file, text);
  return file;
}

describe('parseBasicAuthorization', () => {
  it('reads user and password, splitting at the first colon', () => {
    expect(parseBasicAuthorization(basic('alice:wonderland'))).toEqual({ username: 'alice', password: 'wonderland' });
    expect(parseBasicAuthorization(basic('alice:pass:with:colons'))).toEqual({ username: 'alice', password: 'pass:with:colons' });
    expect(parseBasicAuthorization(basic('alice:'))).toEqual({ username: 'alice', password: '' });
    expect(parseBasicAuthorization(basic('jürgen:pässwörd'))).toEqual({ username: 'jürgen', password: 'pässwörd' });
  });

  it('takes the scheme in any letter case, and base64 without padding', () => {
    expect(parseBasicAuthorization(`bAsIc ${Buffer.from('a:b').toString('base64')}`)).toEqual({ username: 'a', password: 'b' });
    expect(parseBasicAuthorization(`Basic ${Buffer.from('ab:c').toString('base64').replace(/=+$/, '')}`)).toEqual({ username: 'ab', password: 'c' });
  });

  it('gives nothing for a missing, foreign or malformed header', () => {
    expect(parseBasicAuthorization(undefined)).toBeUndefined();
    expect(parseBasicAuthorization('')).toBeUndefined();
    expect(parseBasicAuthorization('Basic')).toBeUndefined(); // no space
    expect(parseBasicAuthorization(' Basic YTpi')).toBeUndefined(); // space first
    expect(parseBasicAuthorization('Bearer YTpi')).toBeUndefined();
    expect(parseBasicAuthorization(basic('no-colon'))).toBeUndefined();
    expect(parseBasicAuthorization(basic(':empty-user'))).toBeUndefined();
    expect(parseBasicAuthorization('Basic !!!not-base64')).toBeUndefined(); // Java's decoder refuses it
    expect(parseBasicAuthorization('Basic  YTpi')).toBeUndefined(); // a second space is not base64
  });
});

describe('BasicAuthenticator', () => {
  it('lets a user in with the right password only', () => {
    const auth = BasicAuthenticator.fromUsersFile(usersFile(tempDir()));
    expect(auth.userCount).toBe(3);
    expect(auth.authenticatedUser(basic('alice:wonderland'))).toBe('alice');
    expect(auth.authenticatedUser(basic('bob:builder'))).toBe('bob');
    expect(auth.authenticatedUser(basic('empty.password:'))).toBe('empty.password');
    expect(auth.authenticatedUser(basic('alice:Wonderland'))).toBeUndefined();
    expect(auth.authenticatedUser(basic('alice:wonderland '))).toBeUndefined();
    expect(auth.authenticatedUser(basic('carol:nope'))).toBeUndefined(); // commented out
    expect(auth.authenticatedUser(basic('mallory:wonderland'))).toBeUndefined();
    expect(auth.authenticatedUser(undefined)).toBeUndefined();
  });

  it('refuses to start with an empty users file, where Kafka would let everyone in', () => {
    const file = usersFile(tempDir(), '# nobody\n');
    expect(() => BasicAuthenticator.fromUsersFile(file)).toThrow(`The REST users file ${file} has no users; Kafka would let every request in, Polyconnect refuses to start`);
  });

  it('names the file it cannot read', () => {
    expect(() => BasicAuthenticator.fromUsersFile('/no/such/users.properties')).toThrow('Error loading Property Credentials file /no/such/users.properties: ENOENT');
  });
});

describe('JAAS files', () => {
  const kafkaExample = `
    // The example from Kafka's BasicAuthSecurityRestExtension documentation, with another entry.
    KafkaServer {
      org.apache.kafka.common.security.plain.PlainLoginModule required
      username="admin" password="admin-secret";
    };
    /* Connect's REST users */
    KafkaConnect {
      org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required
      file="USERS";
    };
    # trailing comment
  `;

  it('parses entries, modules, flags and quoted or bare options', () => {
    const entries = parseJaasConfig('A { x.Y required k1="v 1" k2=bare k3="q\\"uote\\\\"; z.W optional; }; B { m.N sufficient; };');
    expect([...entries.keys()]).toEqual(['A', 'B']);
    expect(entries.get('A')).toEqual([
      { className: 'x.Y', flag: 'required', options: { k1: 'v 1', k2: 'bare', k3: 'q"uote\\' } },
      { className: 'z.W', flag: 'optional', options: {} },
    ]);
  });

  it('reports syntax errors with the file name', () => {
    expect(() => parseJaasConfig('A { x.Y required file="a" }', 'jaas.conf')).toThrow('jaas.conf: expected ";" after the options of x.Y but found "}"');
    expect(() => parseJaasConfig('A { x.Y required file "a"; };', 'jaas.conf')).toThrow('jaas.conf: expected "=" but found ""a""');
    expect(() => parseJaasConfig('A { x.Y mandatory; };', 'jaas.conf')).toThrow('jaas.conf: login module x.Y has an invalid flag "mandatory"');
    expect(() => parseJaasConfig('A { x.Y required file="a;', 'jaas.conf')).toThrow('jaas.conf: unterminated quoted string');
  });

  it('finds the users file in the KafkaConnect entry', () => {
    const dir = tempDir();
    const jaas = join(dir, 'connect_jaas.conf');
    writeFileSync(jaas, kafkaExample.replace('USERS', '/etc/connect/users.properties'));
    expect(usersFileFromJaasConfig(jaas)).toBe('/etc/connect/users.properties');
  });

  it('refuses a JAAS file without a usable KafkaConnect entry', () => {
    const dir = tempDir();
    const jaas = join(dir, 'jaas.conf');
    writeFileSync(jaas, 'KafkaServer { a.B required; };');
    expect(() => usersFileFromJaasConfig(jaas)).toThrow(`${jaas}: no "KafkaConnect" entry`);
    writeFileSync(jaas, 'KafkaConnect { com.example.LdapLoginModule required url="ldap://x"; };');
    expect(() => usersFileFromJaasConfig(jaas)).toThrow(`the KafkaConnect entry may hold only org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule (found com.example.LdapLoginModule)`);
    writeFileSync(jaas, 'KafkaConnect { org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required; };');
    expect(() => usersFileFromJaasConfig(jaas)).toThrow('Property Credentials file must be specified');
  });
});

describe('basicAuthFromWorkerConfig', () => {
  it('is off by default', () => {
    expect(basicAuthFromWorkerConfig({})).toBeUndefined();
    expect(basicAuthFromWorkerConfig({ 'rest.extension.classes': '' })).toBeUndefined();
  });

  it('takes Kafka’s extension with the JAAS file, or a users file alone', () => {
    const dir = tempDir();
    const users = usersFile(dir);
    const jaas = join(dir, 'jaas.conf');
    writeFileSync(jaas, `KafkaConnect {\n  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n  file="${users}";\n};\n`);
    const viaJaas = basicAuthFromWorkerConfig({ 'rest.extension.classes': BASIC_AUTH_EXTENSION_CLASS, 'rest.basic.auth.jaas.config.file': jaas });
    expect(viaJaas?.authenticatedUser(basic('alice:wonderland'))).toBe('alice');
    expect(viaJaas?.source).toBe(users);
    const direct = basicAuthFromWorkerConfig({ 'rest.basic.auth.users.file': users });
    expect(direct?.authenticatedUser(basic('bob:builder'))).toBe('bob');
  });

  it('refuses the extension without users, other extensions, and both files', () => {
    expect(() => basicAuthFromWorkerConfig({ 'rest.extension.classes': BASIC_AUTH_EXTENSION_CLASS })).toThrow('needs its users: set rest.basic.auth.jaas.config.file');
    expect(() => basicAuthFromWorkerConfig({ 'rest.extension.classes': 'com.example.AuditExtension' })).toThrow(
      'Invalid value com.example.AuditExtension for configuration rest.extension.classes: Polyconnect cannot load Java REST extensions (com.example.AuditExtension)',
    );
    expect(() => basicAuthFromWorkerConfig({ 'rest.basic.auth.users.file': '/a', 'rest.basic.auth.jaas.config.file': '/b' })).toThrow('not both');
  });
});

describe('RestServer with basic authentication', () => {
  const herder = {
    serverInfo: () => ({ version: '4.1.2', commit: 'c', kafka_cluster_id: 'k' }),
    connectors: () => ['a'],
    health: () => ({ status: 'healthy', message: 'ok' }),
  } as unknown as Herder;
  const server = new RestServer(herder, pino({ level: 'silent' }), { authenticator: BasicAuthenticator.fromUsersFile(usersFile(tempDir())) });
  let base = '';
  beforeAll(async () => {
    [base] = (await server.start(['http://127.0.0.1:0'])) as [string];
  });
  afterAll(() => server.stop());

  it('answers every route, known or not, with Kafka’s plain-text 401 without credentials', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/connectors'],
      ['POST', '/connectors'],
      ['GET', '/health'],
      ['DELETE', '/connectors/a'],
      ['GET', '/no/such/route'],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('www-authenticate')).toBeNull(); // Kafka sends none
      expect(await response.text()).toBe(UNAUTHORIZED_BODY);
    }
  });

  it('refuses wrong passwords, unknown users and other schemes', async () => {
    for (const authorization of [basic('alice:wrong'), basic('eve:wonderland'), 'Bearer abc', 'Basic %%%']) {
      const response = await fetch(`${base}/connectors`, { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('User cannot access the resource.');
    }
  });

  it('lets the right user through to the route', async () => {
    const response = await fetch(`${base}/connectors`, { headers: { authorization: basic('alice:wonderland') } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(['a']);
    const unknown = await fetch(`${base}/no/such/route`, { headers: { authorization: basic('bob:builder') } });
    expect(unknown.status).toBe(404);
  });
});
