// ConfigProviders: config.providers parsing (Kafka's class names, param.* keys, errors at startup),
// placeholder resolution (whole and embedded values, several per value, no re-resolution, nested placeholders refused, unknown providers left as written), errors that name
// key, placeholder and reason but never a value, restorePlaceholders (Kafka's reverseTransform) and
// the worker config's own resolution (KIP-421).

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigProviderError, ConfigProviders, LITERAL_CONNECTOR_KEYS, hasPlaceholders, placeholdersIn, resolveWorkerConfig, restorePlaceholders, secretMasker } from '../../../src/config/config-providers.js';

const FILE = 'org.apache.kafka.common.config.provider.FileConfigProvider';
const DIRECTORY = 'org.apache.kafka.common.config.provider.DirectoryConfigProvider';
const ENV = 'org.apache.kafka.common.config.provider.EnvVarConfigProvider';

function secretsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-providers-'));
  writeFileSync(join(dir, 'db.properties'), 'user=alice\npassword: s3cr3t-pw\n# comment\nurl=jdbc:postgresql://db:5432/app\n');
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'k8s', 'token'), 'tok-123\n');
  writeFileSync(join(dir, 'k8s', 'api-key'), 'key-456');
  return dir;
}

function providers(extra: Record<string, string> = {}, env: Record<string, string> = {}): ConfigProviders {
  return ConfigProviders.fromWorkerConfig(
    {
      'config.providers': 'file,directory,env',
      'config.providers.file.class': FILE,
      'config.providers.directory.class': DIRECTORY,
      'config.providers.env.class': ENV,
      ...extra,
    },
    env,
  );
}

/** The error a resolution throws (fails the test when there is none). */
function resolveError(run: () => unknown): ConfigProviderError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigProviderError);
    return error as ConfigProviderError;
  }
  throw new Error('expected resolve to throw');
}

describe('placeholdersIn', () => {
  it('parses ${provider:path:key} and ${provider:key} as Kafka’s DEFAULT_PATTERN does', () => {
    expect(placeholdersIn('${file:/etc/a.properties:password}')).toEqual([{ text: '${file:/etc/a.properties:password}', provider: 'file', path: '/etc/a.properties', key: 'password' }]);
    expect(placeholdersIn('${env:HOME}')).toEqual([{ text: '${env:HOME}', provider: 'env', path: '', key: 'HOME' }]);
    // The path ends at the first colon after it: the rest is the key (lazy groups, as in Java).
    expect(placeholdersIn('${file:/a:b:c}')[0]).toMatchObject({ path: '/a', key: 'b:c' });
    expect(placeholdersIn('x=${env:A}, y=${env:B}').map((p) => p.key)).toEqual(['A', 'B']);
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(hasPlaceholders('${topic}')).toBe(false);
    expect(hasPlaceholders('$env:X')).toBe(false);
    expect(hasPlaceholders('{env:X}')).toBe(false);
    expect(hasPlaceholders('plain value')).toBe(false);
  });
});

describe('ConfigProviders.fromWorkerConfig', () => {
  it('has no providers without config.providers', () => {
    expect(ConfigProviders.fromWorkerConfig({}).names).toEqual([]);
    expect(ConfigProviders.fromWorkerConfig({ 'config.providers': ' ' }).names).toEqual([]);
  });

  it('takes Kafka’s class names, and their simple names', () => {
    const simple = ConfigProviders.fromWorkerConfig({
      'config.providers': 'f, e',
      'config.providers.f.class': 'FileConfigProvider',
      'config.providers.e.class': ` ${ENV} `,
    });
    expect(simple.names).toEqual(['f', 'e']);
  });

  it('refuses an unknown class with Kafka’s message, naming the key', () => {
    expect(() => ConfigProviders.fromWorkerConfig({ 'config.providers': 'vault', 'config.providers.vault.class': 'com.example.VaultConfigProvider' })).toThrow(
      'Failed to find any class that implements ConfigProvider and which name matches com.example.VaultConfigProvider, available ConfigProviders are: ' +
        `${FILE}, ${DIRECTORY}, ${ENV} (set in config.providers.vault.class)`,
    );
  });

  it('refuses a listed provider without a class', () => {
    expect(() => ConfigProviders.fromWorkerConfig({ 'config.providers': 'file' })).toThrow('config.providers lists "file" but config.providers.file.class is not set');
  });

  it('checks allowed.paths when the worker starts: absolute and existing', () => {
    expect(() => providers({ 'config.providers.file.param.allowed.paths': 'relative/dir' })).toThrow(
      'Invalid value relative/dir for configuration config.providers.file.param.allowed.paths: Path relative/dir is not absolute',
    );
    expect(() => providers({ 'config.providers.directory.param.allowed.paths': '/no/such/dir/here' })).toThrow('Path /no/such/dir/here does not exist');
  });

  it('checks allowlist.pattern is a regular expression', () => {
    expect(() => providers({ 'config.providers.env.param.allowlist.pattern': '(' })).toThrow('config.providers.env.param.allowlist.pattern');
  });
});

describe('ConfigProviders.resolve', () => {
  it('resolves the three providers, whole values and embedded ones, several per value', () => {
    const dir = secretsDir();
    const { config, unresolved } = providers({}, { DB_HOST: 'db.internal', DB_PORT: '5432' }).resolve(
      {
        'connection.user': `\${file:${dir}/db.properties:user}`,
        'connection.password': `\${file:${dir}/db.properties:password}`,
        'connection.url': 'jdbc:postgresql://${env:DB_HOST}:${env:DB_PORT}/app',
        token: `\${directory:${dir}/k8s:token}`,
        'api.key': `Bearer \${directory:${dir}/k8s:api-key}`,
        plain: 'no placeholders here',
      },
      'the config of connector c',
    );
    expect(config).toEqual({
      'connection.user': 'alice',
      'connection.password': 's3cr3t-pw',
      'connection.url': 'jdbc:postgresql://db.internal:5432/app',
      token: 'tok-123\n', // the file's content byte for byte, as Kafka reads it
      'api.key': 'Bearer key-456',
      plain: 'no placeholders here',
    });
    expect(unresolved).toEqual([]);
  });

  it('does not change the config it was given', () => {
    const original = { a: '${env:A}' };
    providers({}, { A: 'x' }).resolve(original, 's');
    expect(original).toEqual({ a: '${env:A}' });
  });

  it('does not resolve a resolved value again', () => {
    const { config } = providers({}, { OUTER: '${env:INNER}', INNER: 'secret' }).resolve({ a: '${env:OUTER}' }, 's');
    expect(config.a).toBe('${env:INNER}');
  });

  it('refuses nested placeholders with a clear reason', () => {
    const error = resolveError(() => providers({}, { DIR: '/tmp' }).resolve({ a: '${file:${env:DIR}/x.properties:k}' }, 'the config of connector c'));
    expect(error.problems).toEqual(['key "a": ${file:${env:DIR}: nested placeholders are not supported']);
  });

  it('leaves a placeholder of a provider that is not configured as written, and says so', () => {
    const { config, unresolved } = providers({}, { A: 'x' }).resolve({ a: '${vault:secret/db:password}', b: '${env:A}/${nope:k}' }, 's');
    expect(config).toEqual({ a: '${vault:secret/db:password}', b: 'x/${nope:k}' });
    expect(unresolved).toEqual([
      { configKey: 'a', provider: 'vault' },
      { configKey: 'b', provider: 'nope' },
    ]);
    // No providers at all: everything stays as written.
    expect(ConfigProviders.none().resolve({ a: '${env:A}' }, 's')).toEqual({ config: { a: '${env:A}' }, unresolved: [{ configKey: 'a', provider: 'env' }], resolvedValues: new Map() });
  });

  it('takes several keys, and the same key twice, from one file', () => {
    const dir = secretsDir();
    const config = { a: `\${file:${dir}/db.properties:user}`, b: `\${file:${dir}/db.properties:password}`, c: `\${file:${dir}/db.properties:user}-x` };
    expect(providers().resolve(config, 's').config).toEqual({ a: 'alice', b: 's3cr3t-pw', c: 'alice-x' });
  });

  it('fails with every problem, naming key, placeholder and reason but no value', () => {
    const dir = secretsDir();
    const error = resolveError(() =>
      providers({}, { SET: 'value-that-must-not-leak' }).resolve(
        {
          missingVar: '${env:NOT_SET}',
          missingFile: `\${file:${dir}/nope.properties:password}`,
          missingKey: `\${file:${dir}/db.properties:passwd}`,
          missingDirFile: `\${directory:${dir}/k8s:nope}`,
          notADir: `\${directory:${dir}/db.properties:x}`,
          envPath: '${env:/x:SET}',
          ok: '${env:SET}',
        },
        'the config of connector c',
      ),
    );
    expect(error.message).toBe(
      [
        'Could not resolve the config provider placeholders in the config of connector c:',
        '  key "missingVar": ${env:NOT_SET}: the environment variable NOT_SET is not set',
        `  key "missingFile": \${file:${dir}/nope.properties:password}: could not read properties from file ${dir}/nope.properties: no such file`,
        `  key "missingKey": \${file:${dir}/db.properties:passwd}: the file ${dir}/db.properties has no key "passwd"`,
        `  key "missingDirFile": \${directory:${dir}/k8s:nope}: the directory ${dir}/k8s has no regular file named "nope"`,
        `  key "notADir": \${directory:${dir}/db.properties:x}: the path ${dir}/db.properties is not a directory`,
        "  key \"envPath\": ${env:/x:SET}: a path is not supported for EnvVarConfigProvider, invalid value '/x' (expected ${env:NAME})",
      ].join('\n'),
    );
    expect(error.message).not.toContain('value-that-must-not-leak');
    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).not.toContain('alice');
  });

  it('does not show the text of a properties file that fails to parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-providers-'));
    writeFileSync(join(dir, 'bad.properties'), 'ok=1\npassword=\\uZZZZsecret\n');
    const error = resolveError(() => providers().resolve({ a: `\${file:${dir}/bad.properties:password}` }, 's'));
    expect(error.problems).toEqual([`key "a": \${file:${dir}/bad.properties:password}: could not read properties from file ${dir}/bad.properties: not a valid properties file (line 2)`]);
  });
});

describe('allowed.paths', () => {
  it('lets the file and directory providers read only under the allowed paths', () => {
    const dir = secretsDir();
    const other = secretsDir();
    const restricted = providers({ 'config.providers.file.param.allowed.paths': dir, 'config.providers.directory.param.allowed.paths': `${dir}/k8s/` });
    expect(restricted.resolve({ a: `\${file:${dir}/db.properties:user}`, b: `\${directory:${dir}/k8s:token}` }, 's').config).toEqual({ a: 'alice', b: 'tok-123\n' });
    const error = resolveError(() =>
      restricted.resolve(
        {
          outside: `\${file:${other}/db.properties:user}`,
          escape: `\${file:${dir}/../${other.split('/').pop()}/db.properties:user}`,
          prefixTrick: `\${directory:${dir}/k8s-other:token}`,
          relative: '${file:db.properties:user}',
        },
        's',
      ),
    );
    expect(error.problems).toEqual([
      `key "outside": \${file:${other}/db.properties:user}: the path ${other}/db.properties is not in allowed.paths (${dir})`,
      `key "escape": \${file:${dir}/../${other.split('/').pop()}/db.properties:user}: the path ${dir}/../${other.split('/').pop()}/db.properties is not in allowed.paths (${dir})`,
      `key "prefixTrick": \${directory:${dir}/k8s-other:token}: the path ${dir}/k8s-other is not in allowed.paths (${dir}/k8s)`,
      'key "relative": ${file:db.properties:user}: the path db.properties is not in allowed.paths (' + dir + ')',
    ]);
  });

  it('allows a path that normalises into an allowed one', () => {
    const dir = secretsDir();
    const restricted = providers({ 'config.providers.file.param.allowed.paths': dir });
    expect(restricted.resolve({ a: `\${file:${dir}/k8s/../db.properties:user}` }, 's').config.a).toBe('alice');
  });

  it('never reads outside the directory through a key', () => {
    const dir = secretsDir();
    const error = resolveError(() => providers().resolve({ a: `\${directory:${dir}/k8s:../db.properties}` }, 's'));
    expect(error.problems[0]).toBe(`key "a": \${directory:${dir}/k8s:../db.properties}: the directory ${dir}/k8s has no regular file named "../db.properties"`);
  });

  it('follows symlinks to regular files in a directory (Kubernetes secret volumes)', () => {
    const dir = secretsDir();
    symlinkSync(join(dir, 'k8s', 'token'), join(dir, 'k8s', 'linked'));
    expect(providers().resolve({ a: `\${directory:${dir}/k8s:linked}` }, 's').config.a).toBe('tok-123\n');
  });
});

describe('EnvVarConfigProvider allowlist.pattern', () => {
  it('must match the whole variable name (Java’s Matcher.matches)', () => {
    const env = { CONNECT_DB_PASSWORD: 'pw', HOME: '/root', MY_CONNECT_X: 'x' };
    const restricted = providers({ 'config.providers.env.param.allowlist.pattern': 'CONNECT_.*' }, env);
    expect(restricted.resolve({ a: '${env:CONNECT_DB_PASSWORD}' }, 's').config.a).toBe('pw');
    const error = resolveError(() => restricted.resolve({ home: '${env:HOME}', partial: '${env:MY_CONNECT_X}' }, 's'));
    expect(error.problems).toEqual([
      'key "home": ${env:HOME}: the environment variable HOME does not match allowlist.pattern (CONNECT_.*)',
      'key "partial": ${env:MY_CONNECT_X}: the environment variable MY_CONNECT_X does not match allowlist.pattern (CONNECT_.*)',
    ]);
  });

  it('reads the environment of the worker as it was when the providers were made', () => {
    const env: Record<string, string> = { LATE: 'before' };
    const snapshot = providers({}, env);
    env.LATE = 'after';
    expect(snapshot.resolve({ a: '${env:LATE}' }, 's').config.a).toBe('before');
  });
});

describe('literal keys', () => {
  it('never resolves name, connector.class or tasks.max when asked to keep them literal', () => {
    const config = { name: '${env:A}', 'connector.class': '${env:A}', 'tasks.max': '${env:A}', other: '${env:A}' };
    expect(providers({}, { A: 'x' }).resolve(config, 's', LITERAL_CONNECTOR_KEYS).config).toEqual({ ...config, other: 'x' });
  });
});

describe('resolveForValidation', () => {
  it('resolves what it can for validation and leaves the rest as written, without failing', () => {
    const dir = secretsDir();
    const view = providers({}, { PORT: '5432' }).resolveForValidation({
      name: 'c',
      'tasks.max': '${env:PORT}',
      port: '${env:PORT}',
      password: `\${file:${dir}/db.properties:password}`,
      missing: '${env:NOT_SET}',
      foreign: '${vault:x:y}',
    });
    expect(view.config).toEqual({ name: 'c', 'tasks.max': '${env:PORT}', port: '5432', password: 's3cr3t-pw', missing: '${env:NOT_SET}', foreign: '${vault:x:y}' });
  });

  it('tells why a placeholder was not resolved when the text as written fails validation, and counts the message', () => {
    const view = providers({}, {}).resolveForValidation({ port: '${env:NOT_SET}', label: '${env:ALSO_NOT_SET}' });
    const answer = {
      error_count: 1,
      configs: [
        { value: { name: 'port', value: '${env:NOT_SET}', errors: ['Invalid value ${env:NOT_SET} for configuration port: Not a number of type INT'] } },
        { value: { name: 'label', value: '${env:ALSO_NOT_SET}', errors: [] } },
      ],
    };
    const restored = view.restore(answer);
    expect(restored.configs.map((c) => c.value.errors)).toEqual([
      ['Invalid value ${env:NOT_SET} for configuration port: Not a number of type INT', 'Could not resolve ${env:NOT_SET}: the environment variable NOT_SET is not set'],
      [],
    ]);
    expect(restored.error_count).toBe(2);
  });

  it('adds no error (and counts none) for an unresolved placeholder whose text as written passes, as Kafka reports nothing there', () => {
    const view = providers({}, {}).resolveForValidation({ password: '${env:NOT_SET}' });
    const answer = { error_count: 0, configs: [{ value: { name: 'password', value: '[hidden]', errors: [] as string[] } }] };
    expect(view.restore(answer)).toEqual({ error_count: 0, configs: [{ value: { name: 'password', value: '[hidden]', errors: [] } }] });
    expect(view.config).toEqual({ password: '${env:NOT_SET}' });
  });

  it('counts one message per unresolved placeholder on a connector key, none more on a converter key (Kafka counts those per key)', () => {
    const view = providers({}, {}).resolveForValidation({ url: '${env:HOST}:${env:PORT}', 'value.converter.schemas.enable': '${env:SCHEMAS}' });
    const answer = {
      error_count: 2,
      configs: [
        { value: { name: 'url', value: '${env:HOST}:${env:PORT}', errors: ['Invalid value ${env:HOST}:${env:PORT} for configuration url: not a URL'] } },
        { value: { name: 'value.converter.schemas.enable', value: null, errors: ['Invalid value ${env:SCHEMAS} for configuration schemas.enable: Expected value to be either true or false'] } },
      ],
    };
    const restored = view.restore(answer);
    expect(restored.configs.map((c) => c.value.errors.slice(1))).toEqual([
      ['Could not resolve ${env:HOST}: the environment variable HOST is not set', 'Could not resolve ${env:PORT}: the environment variable PORT is not set'],
      ['Could not resolve ${env:SCHEMAS}: the environment variable SCHEMAS is not set'],
    ]);
    expect(restored.error_count).toBe(4);
  });

  it('keeps the resolved values, per placeholder, for hiding them in the validating plugin\'s output', () => {
    const view = providers({}, { HOST: 'db.internal', PW: 'hunter2-hunter2' }).resolveForValidation({ name: 'c', url: 'jdbc:pg://${env:HOST}/db', password: '${env:PW}', missing: '${env:NOT_SET}' });
    expect([...view.secrets].sort()).toEqual(['db.internal', 'hunter2-hunter2']);
  });

  it('restores the placeholders in the answer: values (passwords stay hidden) and error messages', () => {
    const dir = secretsDir();
    const raw = `\${file:${dir}/db.properties:password}`;
    const view = providers({}, { PORT: 'not-a-port', ONE: '1' }).resolveForValidation({ port: '${env:PORT}', password: raw, user: `\${file:${dir}/db.properties:user}`, tiny: '${env:ONE}' });
    const answer = {
      error_count: 2,
      configs: [
        { value: { name: 'port', value: 'not-a-port', errors: ['Invalid value not-a-port for configuration port: Not a number of type INT'] } },
        { value: { name: 'password', value: '[hidden]', errors: [] } },
        { value: { name: 'user', value: 'alice', errors: [] } },
        { value: { name: 'tiny', value: '1', errors: ['must be 1 of 1'] } },
        { value: { name: 'hostname', value: 'db', errors: ['FATAL: password authentication failed (tried s3cr3t-pw as alice)'] } },
        { value: null },
      ],
    };
    expect(view.restore(answer).configs.map((c) => c.value)).toEqual([
      { name: 'port', value: '${env:PORT}', errors: ['Invalid value ${env:PORT} for configuration port: Not a number of type INT'] },
      { name: 'password', value: '[hidden]', errors: [] },
      { name: 'user', value: `\${file:${dir}/db.properties:user}`, errors: [] },
      { name: 'tiny', value: '${env:ONE}', errors: ['must be ${env:ONE} of ${env:ONE}'] },
      { name: 'hostname', value: 'db', errors: [`FATAL: password authentication failed (tried ${raw} as \${file:${dir}/db.properties:user})`] },
      null,
    ]);
  });
});

describe('secretMasker', () => {
  it('puts placeholders back where a trace quotes a resolved value, longest first, leaving short values alone', () => {
    const resolution = providers({}, { PW: 'hunter2-hunter2', USER: 'hunter2', HOST: 'db.internal', ONE: '1' }).resolve(
      { password: '${env:PW}', user: '${env:USER}', url: 'jdbc:pg://${env:HOST}/db', one: '${env:ONE}', plain: 'plain' },
      's',
    );
    const mask = secretMasker([resolution])!;
    expect(mask('FATAL: password "hunter2-hunter2" for user hunter2 at jdbc:pg://db.internal/db (host db.internal) failed 1 time')).toBe(
      'FATAL: password "${env:PW}" for user ${env:USER} at jdbc:pg://${env:HOST}/db (host ${env:HOST}) failed 1 time',
    );
    expect(secretMasker([providers().resolve({ a: 'x' }, 's')])).toBeUndefined();
  });
});

describe('restorePlaceholders', () => {
  it('puts the connector’s placeholders back on the keys the task configs share with it', () => {
    const raw = { name: 'c', file: '${env:INPUT}', topic: '${file:/s.properties:topic}', 'batch.size': '10', url: 'http://${env:HOST}/x' };
    const fromConnector: Record<string, string>[] = [
      { file: '/data/in.txt', topic: 'orders', 'batch.size': '10', 'task.class': 'T' },
      { file: '/data/in.txt', other: 'orders', 'task.class': 'T' },
    ];
    expect(restorePlaceholders(raw, fromConnector)).toEqual([
      { file: '${env:INPUT}', topic: '${file:/s.properties:topic}', 'batch.size': '10', 'task.class': 'T' },
      // A resolved value under another key stays as the connector wrote it (Kafka's behaviour too).
      { file: '${env:INPUT}', other: 'orders', 'task.class': 'T' },
    ]);
    expect(fromConnector[0]!.file).toBe('/data/in.txt');
  });
});

describe('resolveWorkerConfig (KIP-421)', () => {
  it('resolves the worker’s own keys with the providers it declares, leaving config.providers.* as written', () => {
    const dir = secretsDir();
    const originals = {
      'config.providers': 'file,env',
      'config.providers.file.class': FILE,
      'config.providers.file.param.allowed.paths': dir,
      'config.providers.env.class': ENV,
      'listeners.https.ssl.keystore.password': `\${file:${dir}/db.properties:password}`,
      'bootstrap.servers': '${env:BOOTSTRAP}',
      'plugin.path': '/opt/plugins',
    };
    const { config, providers: made } = resolveWorkerConfig(originals, { BOOTSTRAP: 'kafka:9092' });
    expect(config).toEqual({ ...originals, 'listeners.https.ssl.keystore.password': 's3cr3t-pw', 'bootstrap.servers': 'kafka:9092' });
    expect(made.names).toEqual(['file', 'env']);
  });

  it('fails on a worker key that cannot be resolved', () => {
    expect(() => resolveWorkerConfig({ 'config.providers': 'env', 'config.providers.env.class': ENV, 'bootstrap.servers': '${env:NOPE}' }, {})).toThrow(
      'Could not resolve the config provider placeholders in the worker config:\n  key "bootstrap.servers": ${env:NOPE}: the environment variable NOPE is not set',
    );
  });
});
