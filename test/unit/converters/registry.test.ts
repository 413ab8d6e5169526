// The converter registry (src/converters/index.ts): Kafka's class names and aliases, configured
// converters, and Kafka's ConfigException wording for unknown classes ("Invalid value … for
// configuration value.converter: Class … could not be found.", as Kafka's ConfigDef reports a
// CLASS value it cannot load).

import { describe, expect, it } from 'vitest';
import { ConfigException, STRING_SCHEMA } from '../../../src/data/index.js';
import {
  ByteArrayConverter,
  JsonConverter,
  SimpleHeaderConverter,
  StringConverter,
  createConverter,
  createHeaderConverter,
  knownConverterClasses,
  knownHeaderConverterClasses,
  resolveConverterClass,
} from '../../../src/converters/index.js';

describe('converter registry', () => {
  it('lists Kafka’s class names', () => {
    expect(knownConverterClasses()).toEqual([
      'org.apache.kafka.connect.json.JsonConverter',
      'org.apache.kafka.connect.storage.StringConverter',
      'org.apache.kafka.connect.converters.ByteArrayConverter',
    ]);
    expect(knownHeaderConverterClasses()).toContain('org.apache.kafka.connect.storage.SimpleHeaderConverter');
    expect(knownHeaderConverterClasses()).toContain('org.apache.kafka.connect.json.JsonConverter');
  });

  it('builds configured converters from class names and aliases', () => {
    const json = createConverter('org.apache.kafka.connect.json.JsonConverter', { 'schemas.enable': 'false' }, false);
    expect(json).toBeInstanceOf(JsonConverter);
    expect(json.fromConnectData('t', STRING_SCHEMA, 'x')?.toString()).toBe('"x"');
    expect(createConverter('JsonConverter', {}, true)).toBeInstanceOf(JsonConverter);
    expect(createConverter('Json', {}, true)).toBeInstanceOf(JsonConverter);
    expect(createConverter(' org.apache.kafka.connect.storage.StringConverter ', {}, false)).toBeInstanceOf(StringConverter);
    expect(createConverter('ByteArray', {}, false)).toBeInstanceOf(ByteArrayConverter);
    expect(resolveConverterClass('String')).toBe('org.apache.kafka.connect.storage.StringConverter');
    expect(resolveConverterClass('Simple')).toBe('org.apache.kafka.connect.storage.SimpleHeaderConverter');
  });

  it('builds header converters, setting converter.type=header', () => {
    expect(createHeaderConverter('org.apache.kafka.connect.storage.SimpleHeaderConverter', {})).toBeInstanceOf(SimpleHeaderConverter);
    const json = createHeaderConverter('Json', { 'schemas.enable': 'false' });
    expect(json.fromConnectHeader('t', 'h', null, 1)?.toString()).toBe('1');
    expect(createHeaderConverter('StringConverter', {}).toConnectHeader('t', 'h', Buffer.from('v')).value).toBe('v');
  });

  it('passes the converter’s settings through (errors name the setting)', () => {
    expect(() => createConverter('Json', { 'decimal.format': 'HEX' }, false)).toThrow('Invalid value HEX for configuration decimal.format');
  });

  it('refuses unknown classes with a ConfigException naming the class', () => {
    expect(() => createConverter('com.example.AvroConverter', {}, false)).toThrow(ConfigException);
    expect(() => createConverter('com.example.AvroConverter', {}, false)).toThrow(
      'Invalid value com.example.AvroConverter for configuration value.converter: Class com.example.AvroConverter could not be found.',
    );
    expect(() => createConverter('Nope', {}, true)).toThrow('configuration key.converter');
    expect(() => createHeaderConverter('Nope', {})).toThrow('configuration header.converter: Class Nope could not be found.');
  });

  it('refuses a header-only converter as a key or value converter', () => {
    expect(() => createConverter('SimpleHeaderConverter', {}, false)).toThrow(ConfigException);
  });
});
