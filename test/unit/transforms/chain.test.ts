// The transformation chain built from a connector config (src/transforms/chain.ts). Expectations
// come from Kafka's runtime: ConnectorConfig.transformationStages / enrich / EnrichablePlugin (key
// names, "Duplicate alias provided.", the negate check and its message, which Kafka reports on the
// type key), ConfigDef.parseType ("Class … could not be found."), Utils.ensureConcreteSubclass
// ("does not implement the Transformation interface", "This class is abstract …"),
// TransformationStage.apply (negate XOR test) and TransformationChain.apply (stop at null).

import { describe, expect, it } from 'vitest';
import { ConfigException, STRING_SCHEMA } from '../../../src/data/index.js';
import {
  TransformConfigException,
  TransformationChain,
  TransformationStage,
  aliasList,
  validateTransformConfigs,
} from '../../../src/transforms/chain.js';
import type { ConnectRecord } from '../../../src/transforms/transformation.js';

const T = 'org.apache.kafka.connect.transforms.';
const P = 'org.apache.kafka.connect.transforms.predicates.';

function record(overrides: Partial<ConnectRecord> = {}): ConnectRecord {
  return { topic: 'orders', kafkaPartition: 0, keySchema: null, key: null, valueSchema: STRING_SCHEMA, value: 'v', timestamp: 5, headers: [], ...overrides };
}

function buildError(config: Record<string, string>): TransformConfigException {
  try {
    TransformationChain.fromConfig(config);
  } catch (error) {
    if (error instanceof TransformConfigException) return error;
    throw error;
  }
  throw new Error('expected a TransformConfigException');
}

describe('building the chain', () => {
  it('builds the stages in transforms order, with class names and prefix-stripped configs', () => {
    const chain = TransformationChain.fromConfig({
      transforms: 'cast, drop',
      'transforms.cast.type': `${T}Cast$Value`,
      'transforms.cast.spec': 'string',
      'transforms.drop.type': 'DropHeaders', // Kafka's plugin alias for org.apache.kafka.connect.transforms.DropHeaders
      'transforms.drop.headers': 'h',
    });
    expect(chain.stages.map((stage) => [stage.alias, stage.className])).toEqual([
      ['cast', `${T}Cast$Value`],
      ['drop', `${T}DropHeaders`],
    ]);
    const out = chain.apply(record({ valueSchema: null, value: 42, headers: [{ key: 'h', schema: null, value: 'x' }, { key: 'k', schema: null, value: 'y' }] }));
    expect(out?.value).toBe('42');
    expect(out?.headers).toEqual([{ key: 'k', schema: null, value: 'y' }]);
  });

  it('is empty without transforms, and passes records through', () => {
    const chain = TransformationChain.fromConfig({ 'connector.class': 'X' });
    expect(chain.stages).toEqual([]);
    const input = record();
    expect(chain.apply(input)).toBe(input);
  });

  it('reads alias lists as Kafka does: trimmed, and a trailing comma adds nothing (Java String.split)', () => {
    expect(aliasList({ transforms: ' a , b ,' }, 'transforms')).toEqual(['a', 'b']);
    expect(aliasList({ transforms: '' }, 'transforms')).toEqual([]);
    expect(aliasList({}, 'transforms')).toEqual([]);
  });

  it('rejects duplicate aliases on the list key', () => {
    const config = { transforms: 'a,b,a', 'transforms.a.type': `${T}Filter`, 'transforms.b.type': `${T}Filter` };
    expect(validateTransformConfigs(config)).toEqual([{ key: 'transforms', message: 'Invalid value [a, b, a] for configuration transforms: Duplicate alias provided.' }]);
    const error = buildError(config);
    expect(error).toBeInstanceOf(ConfigException);
    expect(error.key).toBe('transforms');
    expect(validateTransformConfigs({ predicates: 'p,p', 'predicates.p.type': `${P}RecordIsTombstone` })).toEqual([
      { key: 'predicates', message: 'Invalid value [p, p] for configuration predicates: Duplicate alias provided.' },
    ]);
  });

  it('names transforms.<alias>.type when the type is missing, unknown, of the other kind or abstract', () => {
    expect(validateTransformConfigs({ transforms: 'a' })).toEqual([{ key: 'transforms.a.type', message: 'Missing required configuration "transforms.a.type" which has no default value.' }]);
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': 'com.example.Nope' })).toEqual([
      { key: 'transforms.a.type', message: 'Invalid value com.example.Nope for configuration transforms.a.type: Class com.example.Nope could not be found.' },
    ]);
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${P}RecordIsTombstone` })).toEqual([
      { key: 'transforms.a.type', message: `Class class ${P}RecordIsTombstone does not implement the Transformation interface` },
    ]);
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${T}Cast` })).toEqual([
      { key: 'transforms.a.type', message: `This class is abstract and cannot be created. Did you mean ${T}Cast$Key, ${T}Cast$Value?` },
    ]);
    expect(validateTransformConfigs({ predicates: 'p', 'predicates.p.type': `${T}Filter` })).toEqual([
      { key: 'predicates.p.type', message: `Class class ${T}Filter does not implement the Predicate interface` },
    ]);
    expect(buildError({ transforms: 'a', 'transforms.a.type': 'Nope' }).key).toBe('transforms.a.type');
  });

  it('does not take Cast$Value or Value as aliases: Kafka aliases only unique simple names', () => {
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': 'Cast$Value', 'transforms.a.spec': 'int8' })[0]?.message).toContain('Class Cast$Value could not be found.');
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': 'Value', 'transforms.a.spec': 'int8' })[0]?.message).toContain('Class Value could not be found.');
  });

  it('reports the SMT’s own keys under their full names, with Kafka’s embedded-validate messages', () => {
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${T}HeaderFrom$Value`, 'transforms.a.operation': 'copy', 'transforms.a.headers': 'h' })).toEqual([
      { key: 'transforms.a.fields', message: 'Missing required configuration "transforms.a.fields" which has no default value.' },
      { key: 'transforms.a.fields', message: 'Invalid value null for configuration fields: Empty list' },
    ]);
    expect(validateTransformConfigs({ transforms: 'x', 'transforms.x.type': `${T}Cast$Key`, 'transforms.x.spec': 'a:int8', 'transforms.x.replace.null.with.default': 'maybe' })).toEqual([
      {
        key: 'transforms.x.replace.null.with.default',
        message: 'Invalid value maybe for configuration transforms.x.replace.null.with.default: Expected value to be either true or false',
      },
    ]);
  });

  it('adds what configure() throws, on the key its message names (Kafka finds these only when tasks start)', () => {
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${T}HeaderFrom$Value`, 'transforms.a.fields': 'x,y', 'transforms.a.headers': 'h', 'transforms.a.operation': 'copy' })).toEqual([
      { key: 'transforms.a.fields', message: "'fields' config must have the same number of elements as 'headers' config." },
    ]);
    // No key named: the problem goes to the type key.
    expect(validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${T}ExtractField$Value`, 'transforms.a.field': '`a', 'transforms.a.field.syntax.version': 'V2' })).toEqual([
      { key: 'transforms.a.type', message: 'Incomplete backtick pair in path: [`a], consider adding a backslash before backtick at position 0 to escape it' },
    ]);
  });

  it('rejects negate without predicate, naming both keys, on the type key as Kafka does', () => {
    const config = { transforms: 'a', 'transforms.a.type': `${T}Filter`, 'transforms.a.negate': 'true' };
    expect(validateTransformConfigs(config)).toEqual([
      { key: 'transforms.a.type', message: "Config 'transforms.a.negate' was provided but there is no config 'transforms.a.predicate' defining a predicate to be negated." },
    ]);
    expect(buildError(config).message).toContain("'transforms.a.negate'");
  });

  it('checks negate is a boolean', () => {
    expect(
      validateTransformConfigs({ transforms: 'a', 'transforms.a.type': `${T}Filter`, 'transforms.a.predicate': 'p', 'transforms.a.negate': 'yes', predicates: 'p', 'predicates.p.type': `${P}RecordIsTombstone` }),
    ).toEqual([{ key: 'transforms.a.negate', message: 'Invalid value yes for configuration transforms.a.negate: Expected value to be either true or false' }]);
  });

  it('rejects a predicate alias that is not listed in predicates, on transforms.<alias>.predicate', () => {
    const config = { transforms: 'a', 'transforms.a.type': `${T}Filter`, 'transforms.a.predicate': 'nope' };
    expect(validateTransformConfigs(config)).toEqual([
      { key: 'transforms.a.predicate', message: "Invalid value nope for configuration transforms.a.predicate: Predicate alias 'nope' is not listed in 'predicates'" },
    ]);
    expect(buildError(config).key).toBe('transforms.a.predicate');
  });

  it('validates every listed predicate, used or not, under predicates.<alias>.', () => {
    expect(validateTransformConfigs({ predicates: 'p,q', 'predicates.p.type': `${P}HasHeaderKey`, 'predicates.q.type': `${P}TopicNameMatches`, 'predicates.q.pattern': '' })).toEqual([
      { key: 'predicates.p.name', message: 'Missing required configuration "predicates.p.name" which has no default value.' },
      { key: 'predicates.q.pattern', message: 'Invalid value  for configuration pattern: String must be non-empty' },
    ]);
    expect(validateTransformConfigs({ predicates: 'p' })).toEqual([{ key: 'predicates.p.type', message: 'Missing required configuration "predicates.p.type" which has no default value.' }]);
  });

  it('returns every problem at once; fromConfig throws the first and carries them all', () => {
    const config = { transforms: 'a,b', 'transforms.a.type': 'Nope', 'transforms.b.type': `${T}Cast$Value`, predicates: 'p' };
    const problems = validateTransformConfigs(config);
    expect(problems.map((problem) => problem.key)).toEqual(['predicates.p.type', 'transforms.a.type', 'transforms.b.spec', 'transforms.b.spec']);
    const error = buildError(config);
    expect(error.key).toBe('predicates.p.type');
    expect(error.problems).toEqual(problems);
  });

  it('keeps the predicate (its alias and class) and negate on the stage, not in the SMT config', () => {
    const chain = TransformationChain.fromConfig({
      transforms: 'f',
      'transforms.f.type': `${T}Flatten$Value`,
      'transforms.f.predicate': 'p',
      'transforms.f.negate': 'false',
      predicates: 'p',
      'predicates.p.type': `${P}TopicNameMatches`,
      'predicates.p.pattern': 'orders',
    });
    expect(chain.stages[0]?.predicate?.alias).toBe('p');
    expect(chain.stages[0]?.predicate?.className).toBe(`${P}TopicNameMatches`);
    expect(chain.stages[0]?.negate).toBe(false);
    expect(chain.stages[0]?.apply(record({ valueSchema: null, value: new Map([['a', new Map([['b', 1]])]]) }))?.value).toEqual(new Map([['a.b', 1]]));
    expect(chain.stages[0]?.apply(record({ topic: 'other', valueSchema: null, value: new Map([['a', new Map([['b', 1]])]]) }))?.value).toEqual(new Map([['a', new Map([['b', 1]])]]));
  });
});

describe('applying the chain', () => {
  const tombstoneFilter = (negate?: string): TransformationChain =>
    TransformationChain.fromConfig({
      transforms: 'drop',
      'transforms.drop.type': `${T}Filter`,
      'transforms.drop.predicate': 'isTombstone',
      ...(negate === undefined ? {} : { 'transforms.drop.negate': negate }),
      predicates: 'isTombstone',
      'predicates.isTombstone.type': 'RecordIsTombstone',
    });

  it('applies a stage only when its predicate holds', () => {
    const chain = tombstoneFilter();
    expect(chain.apply(record({ value: null }))).toBeNull();
    const live = record();
    expect(chain.apply(live)).toBe(live);
  });

  it('with negate, applies the stage only when the predicate does not hold', () => {
    const chain = tombstoneFilter('true');
    const tombstone = record({ value: null });
    expect(chain.apply(tombstone)).toBe(tombstone);
    expect(chain.apply(record())).toBeNull();
    // negate=false is the same as no negate.
    expect(tombstoneFilter('false').apply(record({ value: null }))).toBeNull();
  });

  it('stops at the first stage that drops the record', () => {
    const chain = TransformationChain.fromConfig({
      transforms: 'drop,cast',
      'transforms.drop.type': 'Filter',
      'transforms.cast.type': `${T}Cast$Value`,
      'transforms.cast.spec': 'string',
    });
    const seen: string[] = [];
    const out = chain.apply(record(), (stage, apply) => {
      seen.push(stage.alias);
      return apply();
    });
    expect(out).toBeNull();
    expect(seen).toEqual(['drop']);
  });

  it('lets the worker wrap each stage (its error operator): the runner sees the stage and may replace the result', () => {
    const chain = TransformationChain.fromConfig({ transforms: 'a,b', 'transforms.a.type': `${T}Cast$Value`, 'transforms.a.spec': 'int8', 'transforms.b.type': `${T}Cast$Value`, 'transforms.b.spec': 'string' });
    const classes: string[] = [];
    const out = chain.apply(record({ valueSchema: null, value: 'not a number' }), (stage, apply) => {
      classes.push(stage.className);
      try {
        return apply();
      } catch {
        return null; // tolerated: the record is skipped
      }
    });
    expect(out).toBeNull();
    expect(classes).toEqual([`${T}Cast$Value`]);
  });

  it('exposes stages the worker can apply one by one (TransformStage: className + apply)', () => {
    const chain = TransformationChain.fromConfig({ transforms: 'a', 'transforms.a.type': `${T}Cast$Value`, 'transforms.a.spec': 'int64' });
    const stage: { className: string; apply<R extends ConnectRecord>(record: R): R | null } = chain.stages[0]!;
    const sink = { ...record({ valueSchema: null, value: '12' }), kafkaOffset: 9, originalTopic: 'orders' };
    const out = stage.apply(sink);
    expect(out).toEqual({ ...sink, value: 12 });
    expect(stage).toBeInstanceOf(TransformationStage);
  });

  it('lets errors of a transform or predicate escape the stage (the operator decides)', () => {
    const chain = TransformationChain.fromConfig({ transforms: 'a', 'transforms.a.type': `${T}Cast$Value`, 'transforms.a.spec': 'int8' });
    expect(() => chain.apply(record({ valueSchema: null, value: 'x' }))).toThrow('Value (x) was out of range for requested data type');
  });

  it('gives each stage its own predicate instance and closes them all', () => {
    const chain = TransformationChain.fromConfig({
      transforms: 'a,b',
      'transforms.a.type': 'Filter',
      'transforms.a.predicate': 'p',
      'transforms.b.type': 'Filter',
      'transforms.b.predicate': 'p',
      predicates: 'p',
      'predicates.p.type': 'HasHeaderKey',
      'predicates.p.name': 'drop-me',
    });
    expect(chain.stages[0]?.predicate?.instance).not.toBe(chain.stages[1]?.predicate?.instance);
    expect(chain.apply(record({ headers: [{ key: 'drop-me', schema: null, value: null }] }))).toBeNull();
    expect(() => chain.close()).not.toThrow();
  });
});
