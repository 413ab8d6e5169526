// compileWorkerConfig: defaults, required converters, listeners parsing and its errors, the
// workerId taken from the first listener or rest.advertised.*, unknownKeys (converter, client and
// provider prefixes are not unknown), and withPrefix.

import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { compileWorkerConfig, DEFAULT_LISTENER, parseListener, withPrefix } from '../../../src/config/worker-config.js';

const REQUIRED = {
  'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
};

function compile(extra: Record<string, string> = {}) {
  return compileWorkerConfig({ ...REQUIRED, ...extra });
}

describe('compileWorkerConfig defaults', () => {
  it('fills every default when only the converters are given', () => {
    const config = compile();
    expect(config).toMatchObject({
      bootstrapServers: ['localhost:9092'],
      keyConverter: 'org.apache.kafka.connect.json.JsonConverter',
      valueConverter: 'org.apache.kafka.connect.storage.StringConverter',
      headerConverter: 'org.apache.kafka.connect.storage.SimpleHeaderConverter',
      offsetFlushIntervalMs: 60_000,
      offsetFlushTimeoutMs: 5_000,
      taskShutdownGracefulTimeoutMs: 5_000,
      pluginPath: [],
      listeners: [DEFAULT_LISTENER],
      clientId: '',
      offsetStorageFile: null,
      pluginIsolation: 'task',
      pluginHandshakeTimeoutMs: 30_000,
      pluginHealthCheckIntervalMs: 5_000,
      pluginHealthCheckFailures: 3,
      pluginShutdownTimeoutMs: 5_000,
      pluginCallTimeoutMs: 60_000,
      workerId: '127.0.0.1:8083',
      unknownKeys: [],
    });
    expect(DEFAULT_LISTENER).toBe('http://127.0.0.1:8083');
  });

  it('keeps the originals it was given', () => {
    const originals = { ...REQUIRED, 'producer.acks': 'all' };
    expect(compileWorkerConfig(originals).originals).toBe(originals);
  });

  it('requires key.converter and value.converter, with Kafka message', () => {
    expect(() => compileWorkerConfig({ 'value.converter': 'x' })).toThrow('Missing required configuration "key.converter" which has no default value.');
    expect(() => compileWorkerConfig({ 'key.converter': 'x' })).toThrow('Missing required configuration "value.converter" which has no default value.');
  });

  it('parses lists, numbers and the isolation mode from strings', () => {
    const config = compile({
      'bootstrap.servers': 'a:9092, b:9092 ,c:9092',
      'plugin.path': '/opt/plugins,/usr/share/plugins',
      'offset.flush.interval.ms': ' 1000 ',
      'plugin.health.check.failures': '7',
      'plugin.isolation': 'connector',
      'offset.storage.file.filename': '/tmp/offsets.txt',
      'client.id': 'me',
    });
    expect(config.bootstrapServers).toEqual(['a:9092', 'b:9092', 'c:9092']);
    expect(config.pluginPath).toEqual(['/opt/plugins', '/usr/share/plugins']);
    expect(config.offsetFlushIntervalMs).toBe(1000);
    expect(config.pluginHealthCheckFailures).toBe(7);
    expect(config.pluginIsolation).toBe('connector');
    expect(config.offsetStorageFile).toBe('/tmp/offsets.txt');
    expect(config.clientId).toBe('me');
  });

  it('rejects values its validators refuse', () => {
    expect(() => compile({ 'plugin.isolation': 'process' })).toThrow(/^Invalid value process for configuration plugin.isolation/);
    expect(() => compile({ 'offset.flush.interval.ms': '0' })).toThrow(/^Invalid value 0 for configuration offset.flush.interval.ms/);
    expect(() => compile({ 'plugin.health.check.interval.ms': '99' })).toThrow(/plugin.health.check.interval.ms/);
    expect(() => compile({ 'plugin.call.timeout.ms': 'soon' })).toThrow('Invalid value soon for configuration plugin.call.timeout.ms: Not a number of type LONG');
  });
});

describe('compileWorkerConfig listeners', () => {
  it('accepts several listeners and keeps them in order', () => {
    const config = compile({ listeners: 'http://localhost:8083, http://127.0.0.1:9093' });
    expect(config.listeners).toEqual(['http://localhost:8083', 'http://127.0.0.1:9093']);
  });

  it('needs at least one listener', () => {
    expect(() => compile({ listeners: '' })).toThrow('Invalid value  for configuration listeners: At least one listener is needed');
  });

  it.each([
    ['localhost:8083'],
    ['ftp://localhost:8083'],
    ['http://localhost'],
    ['http://localhost:80x'],
    ['http://localhost:8083/path'],
  ])('rejects the malformed listener %s', (listener) => {
    expect(() => compile({ listeners: listener })).toThrow(`Invalid value ${listener} for configuration listeners: Expected http://host:port or https://host:port`);
  });

  it('rejects a port above 65535', () => {
    expect(() => compile({ listeners: 'http://localhost:65536' })).toThrow('Invalid value http://localhost:65536 for configuration listeners: Port must be at most 65535');
  });

  it('checks every listener, not only the first', () => {
    expect(() => compile({ listeners: 'http://localhost:8083,bogus' })).toThrow('Invalid value bogus for configuration listeners');
  });
});

describe('parseListener', () => {
  it('splits protocol, host and port, lower-casing the protocol', () => {
    expect(parseListener('HTTPS://example.com:443')).toEqual({ protocol: 'https', host: 'example.com', port: 443 });
    expect(parseListener(' http://127.0.0.1:0/ ')).toEqual({ protocol: 'http', host: '127.0.0.1', port: 0 });
  });

  it('accepts an empty host (all interfaces) and bracketed IPv6 hosts', () => {
    expect(parseListener('http://:8083')).toEqual({ protocol: 'http', host: '', port: 8083 });
    expect(parseListener('http://[::1]:8083')).toEqual({ protocol: 'http', host: '::1', port: 8083 });
  });
});

describe('compileWorkerConfig workerId', () => {
  it('is host:port of the first listener', () => {
    expect(compile({ listeners: 'http://worker-1.example:9000,http://127.0.0.1:9001' }).workerId).toBe('worker-1.example:9000');
  });

  it.each(['http://:8083', 'http://0.0.0.0:8083', 'http://[::]:8083'])('uses the machine host name when %s binds every interface', (listener) => {
    expect(compile({ listeners: listener }).workerId).toBe(`${hostname()}:8083`);
  });

  it('prefers rest.advertised.host.name and rest.advertised.port', () => {
    expect(compile({ listeners: 'http://0.0.0.0:8083', 'rest.advertised.host.name': 'public.example' }).workerId).toBe('public.example:8083');
    expect(compile({ listeners: 'http://10.0.0.5:8083', 'rest.advertised.port': '18083' }).workerId).toBe('10.0.0.5:18083');
    expect(compile({ 'rest.advertised.host.name': 'a.example', 'rest.advertised.port': '1' }).workerId).toBe('a.example:1');
  });
});

describe('compileWorkerConfig unknownKeys', () => {
  it('lists keys neither defined nor under a known prefix', () => {
    const config = compile({
      'key.converter.schemas.enable': 'false',
      'value.converter.schemas.enable': 'false',
      'header.converter.x': '1',
      'producer.acks': 'all',
      'consumer.max.poll.records': '10',
      'admin.retries': '3',
      'config.providers': 'file',
      'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
      'log.level': 'debug',
      'plugin.isolation': 'plugin',
      'made.up': 'x',
      'rest.port': '8083',
    });
    expect(config.unknownKeys).toEqual(['made.up', 'rest.port']);
  });

  it('does not take a prefix without its dot as the prefix', () => {
    expect(compile({ producerx: '1', 'key.converterx': '2' }).unknownKeys).toEqual(['producerx', 'key.converterx']);
  });
});

describe('withPrefix', () => {
  it('returns the keys under a prefix with the prefix removed', () => {
    const config = { 'producer.acks': 'all', 'producer.linger.ms': '5', 'consumer.acks': 'x', producer: 'no', 'producer.': 'empty' };
    expect(withPrefix(config, 'producer.')).toEqual({ acks: 'all', 'linger.ms': '5', '': 'empty' });
  });

  it('returns an empty object when nothing matches and leaves the input alone', () => {
    const config = { a: '1' };
    expect(withPrefix(config, 'b.')).toEqual({});
    expect(config).toEqual({ a: '1' });
  });
});
