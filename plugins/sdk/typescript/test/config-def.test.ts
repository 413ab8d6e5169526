// ConfigDef: parsing string configs into typed values, defaults, validators, validation results and
// Kafka's error texts (the validate endpoint shows them to users).

import { describe, expect, it } from 'vitest';
import { ConfigDef, NO_DEFAULT_VALUE, Password, parseType, renderConfigValue } from '../src/config/config-def.js';
import { ConfigException } from '../src/config/config-exception.js';
import { allOf, noControlCharacters, nonEmptyList, nonEmptyString, range, validString } from '../src/config/validators.js';
import { toProtoConfigKey, toProtoConfigValue } from '../src/runtime/config-messages.js';

function error(run: () => unknown): Error {
  try {
    run();
  } catch (caught) {
    return caught as Error;
  }
  throw new Error('expected an error');
}

describe('parseType', () => {
  it('BOOLEAN accepts true/false in any case, trimmed', () => {
    expect(parseType('b', ' TRUE ', 'BOOLEAN')).toBe(true);
    expect(parseType('b', 'False', 'BOOLEAN')).toBe(false);
    expect(parseType('b', true, 'BOOLEAN')).toBe(true);
    expect(error(() => parseType('b', 'yes', 'BOOLEAN')).message).toBe('Invalid value yes for configuration b: Expected value to be either true or false');
  });

  it('STRING and CLASS are trimmed', () => {
    expect(parseType('s', '  text  ', 'STRING')).toBe('text');
    expect(parseType('c', ' com.example.X ', 'CLASS')).toBe('com.example.X');
    expect(error(() => parseType('s', 5, 'STRING')).message).toBe('Invalid value 5 for configuration s: Expected value to be a string, but it was a number');
  });

  it('INT, SHORT and LONG are whole numbers in their range, named by type in errors as Kafka does', () => {
    expect(parseType('i', ' 42 ', 'INT')).toBe(42);
    expect(parseType('i', '-2147483648', 'INT')).toBe(-2147483648);
    expect(parseType('s', '+7', 'SHORT')).toBe(7);
    expect(parseType('l', '9007199254740991', 'LONG')).toBe(9007199254740991);
    expect(error(() => parseType('i', 'abc', 'INT')).message).toBe('Invalid value abc for configuration i: Not a number of type INT');
    expect(error(() => parseType('i', '2147483648', 'INT')).message).toBe('Invalid value 2147483648 for configuration i: Not a number of type INT');
    expect(error(() => parseType('s', '40000', 'SHORT')).message).toBe('Invalid value 40000 for configuration s: Not a number of type SHORT');
    expect(error(() => parseType('l', '1.5', 'LONG')).message).toBe('Invalid value 1.5 for configuration l: Not a number of type LONG');
  });

  it('DOUBLE parses decimal text', () => {
    expect(parseType('d', '1.5e3', 'DOUBLE')).toBe(1500);
    expect(parseType('d', 2, 'DOUBLE')).toBe(2);
    expect(error(() => parseType('d', 'x', 'DOUBLE')).message).toBe('Invalid value x for configuration d: Not a number of type DOUBLE');
    expect(() => parseType('d', '', 'DOUBLE')).toThrow(ConfigException);
  });

  it('LIST splits on commas and trims, the empty string is the empty list', () => {
    expect(parseType('l', ' a , b,c ', 'LIST')).toEqual(['a', 'b', 'c']);
    expect(parseType('l', '', 'LIST')).toEqual([]);
    expect(parseType('l', ['x', 1], 'LIST')).toEqual(['x', '1']);
  });

  it('PASSWORD hides its value when printed or serialized', () => {
    const password = parseType('p', 'secret', 'PASSWORD') as Password;
    expect(password).toBeInstanceOf(Password);
    expect(password.value()).toBe('secret');
    expect(String(password)).toBe('[hidden]');
    expect(JSON.stringify({ password })).toBe('{"password":"[hidden]"}');
  });

  it('null stays null for every type', () => {
    expect(parseType('x', null, 'INT')).toBeNull();
  });
});

describe('ConfigDef', () => {
  const def = new ConfigDef()
    .define({ name: 'topic', type: 'STRING', importance: 'HIGH', documentation: 'The topic', validator: nonEmptyString })
    .define({ name: 'batch.size', type: 'INT', defaultValue: 2000, validator: range(1), importance: 'LOW', documentation: 'Batch' })
    .define({ name: 'poll.ms', type: 'LONG', defaultValue: '100', importance: 'LOW', documentation: 'Poll' })
    .define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'File', group: 'Input', orderInGroup: 1 })
    .define({ name: 'mode', type: 'STRING', defaultValue: 'bulk', validator: validString(['bulk', 'incremental']), importance: 'MEDIUM', documentation: 'Mode' })
    .define({ name: 'secret', type: 'PASSWORD', defaultValue: null, importance: 'LOW', documentation: 'Secret' });

  it('marks keys without a default as required, and a null default as optional', () => {
    expect(def.key('topic')?.required).toBe(true);
    expect(def.key('topic')?.defaultValue).toBe(NO_DEFAULT_VALUE);
    expect(def.key('file')?.required).toBe(false);
    expect(def.key('file')?.defaultValue).toBeNull();
  });

  it('parses a string default into the key type at definition time', () => {
    expect(def.key('poll.ms')?.defaultValue).toBe(100);
  });

  it('fills defaults and parses given values', () => {
    expect(def.parse({ topic: 't', 'batch.size': '5' })).toEqual({ topic: 't', 'batch.size': 5, 'poll.ms': 100, file: null, mode: 'bulk', secret: null });
  });

  it('throws Kafka\'s message for a missing required key', () => {
    expect(error(() => def.parse({})).message).toBe('Missing required configuration "topic" which has no default value.');
    expect(() => def.parse({})).toThrow(ConfigException);
  });

  it('applies validators to given values', () => {
    expect(error(() => def.parse({ topic: 't', 'batch.size': '0' })).message).toBe('Invalid value 0 for configuration batch.size: Value must be at least 1');
    expect(error(() => def.parse({ topic: '' })).message).toBe('Invalid value  for configuration topic: String must be non-empty');
    expect(error(() => def.parse({ topic: 't', mode: 'x' })).message).toBe('Invalid value x for configuration mode: String must be one of: bulk, incremental');
  });

  it('refuses a default its validator rejects, and a key defined twice', () => {
    expect(() => new ConfigDef().define({ name: 'n', type: 'INT', defaultValue: 0, validator: range(1), importance: 'LOW', documentation: '' })).toThrow(
      'Invalid value 0 for configuration n: Value must be at least 1',
    );
    expect(() => def.define({ name: 'topic', type: 'STRING', importance: 'LOW', documentation: '' })).toThrow('Configuration topic is defined twice.');
  });

  it('validate reports every key, with all problems and without throwing', () => {
    const results = def.validate({ 'batch.size': 'many', mode: 'bulk', secret: 'pw' });
    expect(results.map((result) => result.name)).toEqual(['topic', 'batch.size', 'poll.ms', 'file', 'mode', 'secret']);
    const byName = Object.fromEntries(results.map((result) => [result.name, result]));
    expect(byName.topic).toEqual({ name: 'topic', value: null, errors: ['Missing required configuration "topic" which has no default value.'], recommendedValues: [], visible: true });
    expect(byName['batch.size']?.value).toBe('many');
    expect(byName['batch.size']?.errors).toEqual(['Invalid value many for configuration batch.size: Not a number of type INT']);
    expect(byName['poll.ms']).toMatchObject({ value: 100, errors: [] });
    expect(byName.mode?.errors).toEqual([]);
    expect(String(byName.secret?.value)).toBe('[hidden]');
  });

  it('lists groups in order of first appearance and merges definitions', () => {
    const other = new ConfigDef()
      .define({ name: 'topic', type: 'LIST', importance: 'HIGH', documentation: 'Topics', group: 'Output' })
      .define({ name: 'extra', type: 'BOOLEAN', defaultValue: false, importance: 'LOW', documentation: '' });
    const merged = def.merge(other);
    expect(merged.key('topic')?.type).toBe('LIST');
    expect(merged.keys().map((key) => key.name)).toEqual(['batch.size', 'poll.ms', 'file', 'mode', 'secret', 'topic', 'extra']);
    expect(merged.groups()).toEqual(['Input', 'Output']);
  });
});

describe('validators', () => {
  it('range checks both bounds and lets null through', () => {
    const check = range(1, 10);
    expect(() => check('n', 11)).toThrow('Value must be no more than 10');
    expect(() => check('n', null)).not.toThrow();
    expect(check.describe).toBe('[1,...,10]');
  });

  it('validString can ignore case', () => {
    expect(() => validString(['none', 'all'], { caseInsensitive: true })('t', 'ALL')).not.toThrow();
    expect(() => validString(['none', 'all'])('t', 'ALL')).toThrow('String must be one of: none, all');
  });

  it('nonEmptyList, noControlCharacters and allOf', () => {
    expect(() => nonEmptyList('topics', [])).toThrow('Invalid value  for configuration topics: Empty list');
    expect(() => noControlCharacters('name', 'a\tb')).toThrow('String may not contain control sequences but had the following ASCII chars: 9');
    const both = allOf(nonEmptyString, noControlCharacters);
    expect(() => both('name', '')).toThrow('String must be non-empty');
    expect(() => both('name', 'ok')).not.toThrow();
  });
});

describe('config messages (Describe and ValidateConfig)', () => {
  it('render a key with its default as text and no default as absent', () => {
    const def = new ConfigDef()
      .define({ name: 'topics', type: 'LIST', defaultValue: 'a,b', importance: 'HIGH', documentation: 'Topics', group: 'Common', orderInGroup: 2, width: 'LONG', displayName: 'Topics', dependents: ['x'] })
      .define({ name: 'required', type: 'INT', importance: 'LOW', documentation: 'R' })
      .define({ name: 'nullable', type: 'STRING', defaultValue: null, importance: 'LOW', documentation: 'N' });
    expect(toProtoConfigKey(def.key('topics')!)).toEqual({
      name: 'topics',
      type: 'CONFIG_TYPE_LIST',
      required: false,
      defaultValue: 'a,b',
      importance: 'CONFIG_IMPORTANCE_HIGH',
      documentation: 'Topics',
      group: 'Common',
      orderInGroup: 2,
      width: 'CONFIG_WIDTH_LONG',
      displayName: 'Topics',
      dependents: ['x'],
    });
    const required = toProtoConfigKey(def.key('required')!);
    expect(required).toMatchObject({ required: true, orderInGroup: -1, width: 'CONFIG_WIDTH_NONE', displayName: 'required' });
    expect(required).not.toHaveProperty('defaultValue');
    expect(required).not.toHaveProperty('group');
    expect(toProtoConfigKey(def.key('nullable')!)).toMatchObject({ required: false });
    expect(toProtoConfigKey(def.key('nullable')!)).not.toHaveProperty('defaultValue');
  });

  it('render validation values as text, lists comma-joined, null as absent', () => {
    expect(toProtoConfigValue({ name: 'l', value: ['a', 'b'], errors: [], recommendedValues: [], visible: true })).toEqual({
      name: 'l',
      value: 'a,b',
      errors: [],
      recommendedValues: [],
      visible: true,
    });
    expect(toProtoConfigValue({ name: 'n', value: null, errors: ['e'], recommendedValues: [], visible: true })).not.toHaveProperty('value');
    expect(renderConfigValue(new Password('pw'))).toBe('[hidden]');
    expect(renderConfigValue(false)).toBe('false');
  });
});
