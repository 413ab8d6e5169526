// Kafka's ConfigDef behaviours the validate answer depends on: sortedConfigs order, embed
// (prefixed names, groups, running order, unprefixed validator names and display names), the
// value validate records for a key, and java.util.HashMap's iteration order (expected orders
// printed by a JDK 17 HashMap<String, …> filled in the same order).

import { describe, expect, it } from 'vitest';
import { ConfigDef, ConfigException } from '../../../src/data/index.js';
import { embedKeys, javaHashMapOrder, javaStringHash, sortedConfigs, validateAll, validateKey } from '../../../src/herder/config-def-kafka.js';

describe('sortedConfigs', () => {
  it('puts keys without a group first, then by group, order, required, importance and name', () => {
    const definition = new ConfigDef()
      .define({ name: 'g2', type: 'STRING', defaultValue: '', importance: 'LOW', documentation: '', group: 'Second', orderInGroup: 1 })
      .define({ name: 'g1b', type: 'STRING', defaultValue: '', importance: 'LOW', documentation: '', group: 'First', orderInGroup: 2 })
      .define({ name: 'g1a', type: 'STRING', defaultValue: '', importance: 'LOW', documentation: '', group: 'First', orderInGroup: 1 })
      .define({ name: 'z.low', type: 'STRING', defaultValue: '', importance: 'LOW', documentation: '' })
      .define({ name: 'b.medium', type: 'STRING', defaultValue: '', importance: 'MEDIUM', documentation: '' })
      .define({ name: 'a.medium', type: 'STRING', defaultValue: '', importance: 'MEDIUM', documentation: '' })
      .define({ name: 'y.required', type: 'STRING', importance: 'LOW', documentation: '' });
    expect(sortedConfigs(definition.keys()).map((key) => key.name)).toEqual(['y.required', 'a.medium', 'b.medium', 'z.low', 'g2', 'g1a', 'g1b']);
  });
});

describe('embedKeys', () => {
  it('prefixes names and dependents, groups under the prefix group and numbers from the start', () => {
    const seen: string[] = [];
    const child = new ConfigDef()
      .define({ name: 'opt', type: 'INT', defaultValue: 1, importance: 'LOW', documentation: 'o', dependents: ['req'] })
      .define({ name: 'grouped', type: 'STRING', defaultValue: 'x', importance: 'HIGH', documentation: 'g', group: 'Inner', orderInGroup: 1, displayName: 'Grouped' })
      .define({ name: 'req', type: 'STRING', importance: 'LOW', documentation: 'r', validator: (name) => void seen.push(name) });
    const keys = embedKeys('transforms.a.', 'Transforms: a', 1, child.keys());
    expect(keys.map((key) => [key.name, key.group, key.orderInGroup, key.displayName, key.dependents])).toEqual([
      ['transforms.a.req', 'Transforms: a', 1, 'req', []],
      ['transforms.a.opt', 'Transforms: a', 2, 'opt', ['transforms.a.req']],
      ['transforms.a.grouped', 'Transforms: a: Inner', 3, 'Grouped', []],
    ]);
    keys[0]!.validator!('transforms.a.req', 'v');
    expect(seen).toEqual(['req']);
  });
});

describe('validateKey', () => {
  const definition = new ConfigDef()
    .define({ name: 'count', type: 'INT', defaultValue: 5, importance: 'LOW', documentation: '' })
    .define({ name: 'must', type: 'STRING', importance: 'LOW', documentation: '', validator: (name, value) => { if (value === null) throw new ConfigException(`${name} is null`); } });

  it('records the parsed value, the default when absent, and null after a parse error', () => {
    expect(validateKey(definition.key('count')!, ' 7 ')).toEqual({ name: 'count', value: 7, errors: [] });
    expect(validateKey(definition.key('count')!, undefined)).toEqual({ name: 'count', value: 5, errors: [] });
    expect(validateKey(definition.key('count')!, 'x')).toEqual({ name: 'count', value: null, errors: ['Invalid value x for configuration count: Not a number of type INT'] });
  });

  it('reports a missing required key and still runs its validator on null', () => {
    expect(validateKey(definition.key('must')!, undefined).errors).toEqual(['Missing required configuration "must" which has no default value.', 'must is null']);
  });

  it('returns every key in HashMap order', () => {
    expect(validateAll(definition, { count: '1', must: 'y' }).map((value) => value.name)).toEqual(javaHashMapOrder(['count', 'must']));
  });
});

describe('javaHashMapOrder', () => {
  it('matches String.hashCode', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('converter.type')).toBe(-789822776);
    expect(javaStringHash('hello')).toBe(99162322);
  });

  it.each([
    [['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default'], ['decimal.format', 'converter.type', 'schemas.cache.size', 'replace.null.with.default', 'schemas.enable']],
    [['converter.type', 'converter.encoding'], ['converter.type', 'converter.encoding']],
    [['spec', 'replace.null.with.default', 'predicate', 'negate', 'transforms.c.type'], ['predicate', 'negate', 'transforms.c.type', 'replace.null.with.default', 'spec']],
    // 29 keys: the table has grown to 64 buckets.
    ['a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc'.split(','), 'bb,aa,cc,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z'.split(',')],
  ])('orders %j as a JDK HashMap does', (names, expected) => {
    expect(javaHashMapOrder(names)).toEqual(expected);
  });
});
