// ConnectorValidator's answer shape for transforms, predicates and converters (Kafka's
// ConnectorConfig.enrich, generateResult, validateConverterConfig and mergeConfigInfos), converter
// classes that do not exist or are of the wrong kind, error_count with config provider placeholders
// that do not resolve (ValidationView.restore over the validator's answer), and the
// definition lists GET /connector-plugins/{plugin}/config gives for built-in plugins (KIP-769).

import { describe, expect, it } from 'vitest';
import { ConfigProviders } from '../../../src/config/config-providers.js';
import type { ConfigInfo, ConfigInfos } from '../../../src/herder/config-infos.js';
import { ConnectorValidator, type PluginIntrospection } from '../../../src/herder/connector-validator.js';
import { NotFoundError } from '../../../src/herder/herder-errors.js';
import type { ConnectorPlugin, PluginCatalog } from '../../../src/plugin/plugin-catalog.js';
import { predicateClasses, transformationClasses } from '../../../src/transforms/registry.js';

const SINK = { className: 'org.example.MySinkConnector', type: 'sink', version: '1.0' } as ConnectorPlugin;
const catalog = {
  resolve(name: string): ConnectorPlugin {
    if (name === SINK.className || name === 'MySink') return SINK;
    throw new Error(`Failed to find any class that implements Connector and which name matches ${name}`);
  },
} as unknown as PluginCatalog;

/** A plugin that defines one key of its own, `path`, in group "Files", and validates nothing more. */
const plugins: PluginIntrospection = {
  describe: async () =>
    ({ className: SINK.className, configKeys: [{ name: 'path', type: 'CONFIG_TYPE_STRING', required: true, importance: 'CONFIG_IMPORTANCE_HIGH', documentation: 'p', group: 'Files', width: 'CONFIG_WIDTH_NONE', displayName: 'Path', dependents: [], orderInGroup: 1 }] }) as never,
  validate: async (_plugin, config) => [{ name: 'path', value: config['path'], errors: [], recommendedValues: [], visible: true }] as never,
};

const validator = new ConnectorValidator(catalog, plugins);
const base = { name: 'c', 'connector.class': 'MySink', topics: 't', path: '/tmp/x' };

/** The entry of one key. */
function info(infos: ConfigInfos, name: string): ConfigInfo {
  const found = infos.configs.find((entry) => (entry.value?.name ?? entry.definition?.name) === name);
  if (found === undefined) throw new Error(`no entry for ${name}`);
  return found;
}

/** The entries after the framework's keys, as [name, group, order, value, errors]. */
function tail(infos: ConfigInfos, from: string): unknown[][] {
  const names = infos.configs.map((info) => info.value?.name ?? info.definition?.name);
  return infos.configs.slice(names.indexOf(from)).map((info) => [info.value?.name ?? info.definition!.name, info.definition?.group ?? null, info.definition?.order ?? null, info.value?.value ?? null, info.value?.errors ?? []]);
}

describe('ConnectorValidator: transforms and predicates', () => {
  it('lists each alias\'s type key and its plugin\'s own keys in "Transforms: <alias>" / "Predicates: <alias>", before the plugin\'s keys', async () => {
    const infos = await validator.validate({
      ...base,
      transforms: 'c,f',
      'transforms.c.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.c.spec': 'a:int32,b:string',
      'transforms.f.type': 'Filter',
      'transforms.f.predicate': 'p',
      predicates: 'p',
      'predicates.p.type': 'TopicNameMatches',
      'predicates.p.pattern': 'orders-.*',
    });
    expect(tail(infos, 'transforms.c.type')).toEqual([
      ['transforms.c.type', 'Transforms: c', 0, 'org.apache.kafka.connect.transforms.Cast$Value', []],
      ['transforms.c.spec', 'Transforms: c', 1, 'a:int32,b:string', []],
      ['transforms.c.negate', 'Transforms: c', 2, 'false', []],
      ['transforms.c.predicate', 'Transforms: c', 3, null, []],
      ['transforms.c.replace.null.with.default', 'Transforms: c', 4, 'true', []],
      ['transforms.f.type', 'Transforms: f', 0, 'org.apache.kafka.connect.transforms.Filter', []],
      ['transforms.f.negate', 'Transforms: f', 1, 'false', []],
      ['transforms.f.predicate', 'Transforms: f', 2, 'p', []],
      ['predicates.p.type', 'Predicates: p', 0, 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches', []],
      ['predicates.p.pattern', 'Predicates: p', 1, 'orders-.*', []],
      ['path', 'Files', 1, '/tmp/x', []],
    ]);
    expect(infos.error_count).toBe(0);
    expect(infos.groups.slice(-4)).toEqual(['Transforms: c', 'Transforms: f', 'Predicates: p', 'Files']);
    const type = infos.configs.find((info) => info.definition?.name === 'transforms.c.type')!;
    expect(type.definition).toMatchObject({ type: 'CLASS', required: true, default_value: null, importance: 'HIGH', width: 'LONG', order: 0 });
    expect(type.value!.recommended_values).toEqual(transformationClasses().entries().map((entry) => entry.className));
    const predicateType = infos.configs.find((info) => info.definition?.name === 'predicates.p.type')!;
    expect(predicateType.value!.recommended_values).toEqual(predicateClasses().entries().map((entry) => entry.className));
    const spec = infos.configs.find((info) => info.definition?.name === 'transforms.c.spec')!;
    expect(spec.definition).toMatchObject({ type: 'LIST', required: true, importance: 'HIGH', group: 'Transforms: c', width: 'NONE', display_name: 'spec', order: 1 });
  });

  it('puts the problems on the keys, lists only the type key for a class it cannot use, and counts every message', async () => {
    const infos = await validator.validate({ ...base, transforms: 'c,bad', 'transforms.c.type': 'org.apache.kafka.connect.transforms.Cast$Value', 'transforms.c.negate': 'x', 'transforms.bad.type': 'Nope' });
    expect(tail(infos, 'transforms.c.type')).toEqual([
      ['transforms.c.type', 'Transforms: c', 0, 'org.apache.kafka.connect.transforms.Cast$Value', ["Config 'transforms.c.negate' was provided but there is no config 'transforms.c.predicate' defining a predicate to be negated."]],
      ['transforms.c.spec', 'Transforms: c', 1, null, ['Missing required configuration "transforms.c.spec" which has no default value.', 'Must specify at least one field to cast.']],
      ['transforms.c.negate', 'Transforms: c', 2, null, ['Invalid value x for configuration transforms.c.negate: Expected value to be either true or false']],
      ['transforms.c.predicate', 'Transforms: c', 3, null, []],
      ['transforms.c.replace.null.with.default', 'Transforms: c', 4, 'true', []],
      ['transforms.bad.type', 'Transforms: bad', 0, null, ['Invalid value Nope for configuration transforms.bad.type: Class Nope could not be found.']],
      ['path', 'Files', 1, '/tmp/x', []],
    ]);
    expect(infos.error_count).toBe(5);
  });

  it('shows an abstract base class as the value, with Kafka\'s message', async () => {
    const infos = await validator.validate({ ...base, transforms: 'c', 'transforms.c.type': 'org.apache.kafka.connect.transforms.Cast' });
    expect(tail(infos, 'transforms.c.type')[0]).toEqual([
      'transforms.c.type',
      'Transforms: c',
      0,
      'org.apache.kafka.connect.transforms.Cast',
      ['This class is abstract and cannot be created. Did you mean org.apache.kafka.connect.transforms.Cast$Key, org.apache.kafka.connect.transforms.Cast$Value?'],
    ]);
  });
});

describe('ConnectorValidator: converters', () => {
  it('appends the keys of each converter the config sets, header then key then value, counting keys with errors', async () => {
    const infos = await validator.validate({
      ...base,
      'value.converter': 'JsonConverter',
      'value.converter.schemas.enable': 'maybe',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'header.converter': 'SimpleHeaderConverter',
    });
    expect(tail(infos, 'key.converter.converter.type')).toEqual([
      ['key.converter.converter.type', null, -1, 'key', []],
      ['key.converter.converter.encoding', null, -1, 'UTF-8', []],
      ['value.converter.decimal.format', 'Serialization', 0, 'BASE64', []],
      ['value.converter.converter.type', null, -1, 'value', []],
      ['value.converter.schemas.cache.size', 'Schemas', 1, '1000', []],
      ['value.converter.replace.null.with.default', 'Serialization', 1, 'true', []],
      ['value.converter.schemas.enable', 'Schemas', 0, null, ['Invalid value maybe for configuration schemas.enable: Expected value to be either true or false']],
    ]);
    expect(infos.error_count).toBe(1);
    expect(infos.groups.slice(-3)).toEqual(['Files', 'Serialization', 'Schemas']);
    const encoding = infos.configs.find((info) => info.definition?.name === 'key.converter.converter.encoding')!;
    expect(encoding.definition).toMatchObject({ type: 'STRING', default_value: 'UTF-8', importance: 'HIGH', width: 'MEDIUM', display_name: 'Encoding' });
  });

  it('reports a converter class that does not exist on its key, as Kafka\'s ConfigDef does, and adds none of its keys', async () => {
    const infos = await validator.validate({ ...base, 'value.converter': 'io.confluent.connect.avro.AvroConverter', 'value.converter.schema.registry.url': 'http://x' });
    expect(info(infos, 'value.converter')).toEqual({
      definition: { name: 'value.converter', type: 'CLASS', required: false, default_value: null, importance: 'LOW', documentation: expect.any(String), group: 'Common', width: 'SHORT', display_name: 'Value converter class', dependents: [], order: 6 },
      value: {
        name: 'value.converter',
        value: null,
        recommended_values: [],
        errors: ['Invalid value io.confluent.connect.avro.AvroConverter for configuration value.converter: Class io.confluent.connect.avro.AvroConverter could not be found.'],
        visible: true,
      },
    });
    expect(infos.error_count).toBe(1);
    expect(infos.configs.some((entry) => entry.value?.name.startsWith('value.converter.'))).toBe(false);
    expect(infos.configs.at(-1)!.definition!.name).toBe('path');
  });

  it('reports a class of the wrong kind on each converter key with Kafka\'s "does not implement" message, showing its full name', async () => {
    const infos = await validator.validate({
      ...base,
      'key.converter': 'SimpleHeaderConverter',
      'value.converter': 'org.apache.kafka.connect.transforms.Cast$Value',
      'header.converter': 'MySink',
      'header.converter.schemas.enable': 'maybe',
    });
    expect(['key.converter', 'value.converter', 'header.converter'].map((name) => info(infos, name).value)).toEqual([
      { name: 'key.converter', value: 'org.apache.kafka.connect.storage.SimpleHeaderConverter', recommended_values: [], errors: ['Class class org.apache.kafka.connect.storage.SimpleHeaderConverter does not implement the Converter interface'], visible: true },
      { name: 'value.converter', value: 'org.apache.kafka.connect.transforms.Cast$Value', recommended_values: [], errors: ['Class class org.apache.kafka.connect.transforms.Cast$Value does not implement the Converter interface'], visible: true },
      { name: 'header.converter', value: 'org.example.MySinkConnector', recommended_values: [], errors: ['Class class org.example.MySinkConnector does not implement the HeaderConverter interface'], visible: true },
    ]);
    expect(infos.error_count).toBe(3);
    expect(infos.configs.some((entry) => /^(key|value|header)\.converter\./.test(entry.value?.name ?? ''))).toBe(false);
  });

  it('shows a usable converter by its full class name, without errors', async () => {
    const infos = await validator.validate({ ...base, 'key.converter': 'JsonConverter', 'header.converter': ' StringConverter ' });
    expect(info(infos, 'key.converter').value).toEqual({ name: 'key.converter', value: 'org.apache.kafka.connect.json.JsonConverter', recommended_values: [], errors: [], visible: true });
    expect(info(infos, 'header.converter').value!.value).toBe('org.apache.kafka.connect.storage.StringConverter');
    expect(info(infos, 'value.converter').value).toEqual({ name: 'value.converter', value: null, recommended_values: [], errors: [], visible: true });
    expect(infos.error_count).toBe(0);
  });
});

describe('ConnectorValidator with config provider placeholders (ValidationView)', () => {
  const providers = ConfigProviders.fromWorkerConfig({ 'config.providers': 'env', 'config.providers.env.class': 'EnvVarConfigProvider' }, { RETRY: '600000', SCHEMAS: 'true' });
  const validateWithProviders = async (config: Record<string, string>): Promise<ConfigInfos> => {
    const view = providers.resolveForValidation(config);
    return view.restore(await validator.validate({ ...view.config }, view.secrets));
  };

  it('counts the reason an unresolved placeholder failed as one more message, on connector and converter keys as Kafka counts each part', async () => {
    const infos = await validateWithProviders({ ...base, 'errors.retry.timeout': '${env:NO_RETRY}', 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': '${env:NO_SCHEMAS}' });
    expect(info(infos, 'errors.retry.timeout').value!.errors).toEqual([
      'Invalid value ${env:NO_RETRY} for configuration errors.retry.timeout: Not a number of type LONG',
      'Could not resolve ${env:NO_RETRY}: the environment variable NO_RETRY is not set',
    ]);
    expect(info(infos, 'value.converter.schemas.enable').value).toEqual({
      name: 'value.converter.schemas.enable',
      value: null,
      recommended_values: [],
      errors: ['Invalid value ${env:NO_SCHEMAS} for configuration schemas.enable: Expected value to be either true or false', 'Could not resolve ${env:NO_SCHEMAS}: the environment variable NO_SCHEMAS is not set'],
      visible: true,
    });
    // Connector part: 2 messages; JsonConverter part: 1 key with errors (Kafka's prefixedConfigInfos).
    expect(infos.error_count).toBe(3);
    expect(infos.error_count).toBe(infos.configs.filter((entry) => !entry.value?.name.startsWith('value.converter.')).flatMap((entry) => entry.value?.errors ?? []).length + 1);
  });

  it('reports nothing for an unresolved placeholder whose text as written is valid, and shows resolved ones as written', async () => {
    const infos = await validateWithProviders({ ...base, path: '${env:NO_PATH}', 'errors.retry.timeout': '${env:RETRY}', 'value.converter': 'JsonConverter', 'value.converter.schemas.enable': '${env:SCHEMAS}' });
    expect(infos.error_count).toBe(0);
    expect(infos.configs.flatMap((entry) => entry.value?.errors ?? [])).toEqual([]);
    expect(info(infos, 'path').value!.value).toBe('${env:NO_PATH}');
    expect(info(infos, 'errors.retry.timeout').value!.value).toBe('${env:RETRY}');
    expect(info(infos, 'value.converter.schemas.enable').value!.value).toBe('${env:SCHEMAS}');
  });
});

describe('ConnectorValidator.pluginConfig for built-in plugins', () => {
  const names = async (plugin: string): Promise<string[]> => (await validator.pluginConfig(plugin)).map((key) => key.name);

  it('answers converters, header converters, transformations and predicates by class name or alias', async () => {
    expect(await names('org.apache.kafka.connect.json.JsonConverter')).toEqual(['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default']);
    expect(await names('StringConverter')).toEqual(['converter.type', 'converter.encoding']);
    expect(await names('org.apache.kafka.connect.converters.ByteArrayConverter')).toEqual(['converter.type']);
    expect(await names('org.apache.kafka.connect.storage.SimpleHeaderConverter')).toEqual([]);
    expect(await names('org.apache.kafka.connect.transforms.Cast$Value')).toEqual(['spec', 'replace.null.with.default']);
    expect(await names('Filter')).toEqual([]);
    expect(await names('org.apache.kafka.connect.transforms.predicates.TopicNameMatches')).toEqual(['pattern']);
    expect(await names('HasHeaderKey')).toEqual(['name']);
  });

  it('gives each definition in Kafka\'s ConfigKeyInfo form', async () => {
    const [type, enable] = await validator.pluginConfig('JsonConverter');
    expect(type).toEqual({ name: 'converter.type', type: 'STRING', required: true, default_value: null, importance: 'LOW', documentation: 'How this converter will be used.', group: null, width: 'NONE', display_name: 'converter.type', dependents: [], order: -1 });
    expect(enable).toMatchObject({ name: 'schemas.enable', type: 'BOOLEAN', required: false, default_value: 'true', importance: 'HIGH', group: 'Schemas', width: 'MEDIUM', display_name: 'Enable Schemas', order: 0 });
  });

  it('answers 404 for a name that is not a plugin, an abstract base, or a nested class\'s own name', async () => {
    for (const name of ['Nope', 'org.apache.kafka.connect.transforms.Cast', 'Cast$Value']) {
      await expect(validator.pluginConfig(name)).rejects.toThrow(new NotFoundError(`Unknown plugin ${name}.`));
    }
  });
});
