// Which converters a connector's tasks use: the connector's own converter (with only its own
// sub-keys: Kafka's no-merge rule) or else the worker's, and the header converter default.

import { describe, expect, it } from 'vitest';
import { compileWorkerConfig } from '../../../src/config/worker-config.js';
import { createTaskConverters } from '../../../src/worker/task-converters.js';

const worker = compileWorkerConfig({
  'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter.schemas.enable': 'false',
  'value.converter.decimal.format': 'NUMERIC',
});

describe('createTaskConverters', () => {
  it('uses the worker’s converters and sub-keys when the connector names none', () => {
    const converters = createTaskConverters(worker, {});
    expect(converters.keyClass).toBe('org.apache.kafka.connect.storage.StringConverter');
    expect(converters.valueClass).toBe('org.apache.kafka.connect.json.JsonConverter');
    expect(converters.headerClass).toBe('org.apache.kafka.connect.storage.SimpleHeaderConverter');
    // schemas.enable=false from the worker: plain JSON is written.
    expect(converters.value.fromConnectData('t', null, new Map([['a', 1]]))?.toString()).toBe('{"a":1}');
  });

  it('does not merge the worker’s sub-keys into a converter the connector names (Kafka’s rule)', () => {
    const converters = createTaskConverters(worker, { 'value.converter': 'org.apache.kafka.connect.json.JsonConverter' });
    // The connector's JsonConverter has its own defaults: schemas.enable=true, so the envelope is written.
    expect(converters.value.fromConnectData('t', null, 'x')?.toString()).toBe('{"schema":null,"payload":"x"}');
  });

  it('passes the connector’s own sub-keys to its converter, and accepts aliases', () => {
    const converters = createTaskConverters(worker, { 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': 'false', 'key.converter': 'ByteArrayConverter' });
    expect(converters.value.fromConnectData('t', null, 'x')?.toString()).toBe('"x"');
    expect(converters.keyClass).toBe('org.apache.kafka.connect.converters.ByteArrayConverter');
  });

  it('names the key of an unknown converter class', () => {
    expect(() => createTaskConverters(worker, { 'key.converter': 'com.example.Nope' })).toThrow(/Invalid value com.example.Nope for configuration key.converter: Class com.example.Nope could not be found/);
  });
});
