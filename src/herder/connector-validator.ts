// Connector config validation as Kafka's AbstractHerder.validateConnectorConfig does it: the
// framework's keys (converter classes checked as Kafka's ConnectorConfig does), the keys of every transform and predicate alias (transform-config-keys.ts,
// with the chain's problems on them), the plugin's own keys from Describe and its own
// ValidateConfig, then each explicitly set converter's keys (converter-config-infos.ts), answered
// in Kafka's ConfigInfos shape. Also the flat definition list of /connector-plugins/{plugin}/config
// (a connector's keys, then the framework's; a built-in converter's, SMT's or predicate's own keys).

import type { proto } from '@polyconnect/sdk/wire';
import type { ConnectorPlugin, PluginCatalog } from '../plugin/plugin-catalog.js';
import { connectorConfigDef } from './connector-config-def.js';
import { connectorConfigProblems, resolveConnectorPlugin } from './connector-config-check.js';
import { keyInfoFromDef, keyInfoFromProto, mergeConfigInfos, valueInfo, type ConfigInfo, type ConfigInfos, type ConfigKeyInfo, type ConfigValueInfo } from './config-infos.js';
import { builtinPluginConfigDef } from './connector-plugins.js';
import { CONVERTER_CLASS_KEYS, converterClassProblems, converterClassValue, converterConfigInfos } from './converter-config-infos.js';
import { NotFoundError } from './herder-errors.js';
import { enrichedTransformKeys } from './transform-config-keys.js';

export interface PluginIntrospection {
  /** The plugin's description of a connector class (Describe), cached by the caller as it likes. */
  describe(plugin: ConnectorPlugin): Promise<proto.ConnectorDescription__Output | undefined>;
  /**
   * The plugin's own validation of a config (ValidateConfig); `secrets` are the values config
   * providers resolved in it, to be hidden in what the validating plugin process prints.
   */
  validate(plugin: ConnectorPlugin, config: Record<string, string>, secrets?: readonly string[]): Promise<proto.ConfigValue__Output[]>;
}

export class ConnectorValidator {
  readonly #catalog: PluginCatalog;
  readonly #plugins: PluginIntrospection;

  constructor(catalog: PluginCatalog, plugins: PluginIntrospection) {
    this.#catalog = catalog;
    this.#plugins = plugins;
  }

  /** `secrets`: the values config providers resolved in `config` (see PluginIntrospection.validate). */
  async validate(config: Record<string, string>, secrets: readonly string[] = []): Promise<ConfigInfos> {
    const plugin = resolveConnectorPlugin(config, this.#catalog);
    const framework = connectorConfigDef(plugin.type);
    const problems = [...connectorConfigProblems(config['name'] ?? '', config, plugin), ...converterClassProblems(config, this.#catalog)];
    if (config['name'] === undefined) {
      // Kafka reports only the missing key (its name validator skips an absent value).
      const emptyName = problems.findIndex((p) => p.key === 'name' && p.message.endsWith('String may not be empty'));
      if (emptyName >= 0) problems.splice(emptyName, 1);
      problems.unshift({ key: 'name', message: 'Missing required configuration "name" which has no default value.' });
    }
    const problemsOn = (name: string): string[] => problems.filter((p) => p.key === name).map((p) => p.message);
    // Kafka's generateResult: the definitions in order (the framework's, the transforms' and
    // predicates' it enriches them with, then the plugin's), each with its value; values on keys
    // nothing defines come first, without a definition.
    const definitions = new Map<string, ConfigKeyInfo>();
    const values = new Map<string, ConfigValueInfo>();
    const undefinedValues: ConfigValueInfo[] = [];
    const groups = framework.groups();
    for (const result of framework.validate(config)) {
      const definition = keyInfoFromDef(framework.key(result.name)!);
      const errors = [...result.errors.filter((message) => !(result.name === 'name' && message.startsWith('Missing required'))), ...problemsOn(result.name)];
      definitions.set(result.name, definition);
      const raw = config[result.name];
      const shown = CONVERTER_CLASS_KEYS.includes(result.name) && raw !== undefined && raw.trim() !== '' ? converterClassValue(raw, this.#catalog) : result.value;
      values.set(result.name, valueInfo(result.name, shown, [...new Set(errors)], definition));
    }
    for (const { key, value, recommended } of enrichedTransformKeys(config)) {
      const definition = keyInfoFromDef(key);
      definitions.set(key.name, definition);
      values.set(key.name, valueInfo(key.name, value, [...new Set(problemsOn(key.name))], definition, recommended));
      if (key.group !== null && !groups.includes(key.group)) groups.push(key.group);
    }
    for (const problem of problems) {
      if (values.has(problem.key)) continue;
      const shown = valueInfo(problem.key, config[problem.key] ?? null, [...new Set(problemsOn(problem.key))], null);
      undefinedValues.push(shown);
      values.set(problem.key, shown);
    }
    const description = await this.#plugins.describe(plugin);
    const pluginDefinitions = (description?.configKeys ?? []).map(keyInfoFromProto);
    // A key both define keeps its place with the plugin's definition (Kafka's putAll).
    for (const definition of pluginDefinitions) definitions.set(definition.name, definition);
    for (const value of await this.#plugins.validate(plugin, config, secrets)) {
      const existing = values.get(value.name);
      const shown = valueInfo(value.name, value.value ?? null, value.errors, definitions.get(value.name) ?? null, value.recommendedValues, value.visible);
      if (existing !== undefined) {
        // Errors from both count.
        existing.errors = [...new Set([...existing.errors, ...shown.errors])];
        continue;
      }
      values.set(value.name, shown);
      if (!definitions.has(value.name)) undefinedValues.push(shown);
    }
    for (const definition of pluginDefinitions) if (definition.group !== null && !groups.includes(definition.group)) groups.push(definition.group);
    const configs: ConfigInfo[] = [
      ...undefinedValues.map((value) => ({ definition: null, value })),
      ...[...definitions].map(([name, definition]) => ({ definition, value: values.get(name) ?? null })),
    ];
    const connector: ConfigInfos = { name: '', error_count: configs.reduce((count, info) => count + (info.value?.errors.length ?? 0), 0), groups, configs };
    const converters = converterConfigInfos(config, (property) => (values.get(property)?.errors.length ?? 0) > 0);
    return mergeConfigInfos(config['connector.class'] ?? '', [connector, ...converters]);
  }

  /**
   * /connector-plugins/{plugin}/config: for a connector its keys, then the framework's it does not
   * redefine; for a built-in converter, header converter, transformation or predicate (KIP-769) its
   * own keys.
   */
  async pluginConfig(name: string): Promise<ConfigKeyInfo[]> {
    let plugin: ConnectorPlugin;
    try {
      plugin = this.#catalog.resolve(name);
    } catch {
      const builtin = builtinPluginConfigDef(name);
      if (builtin === undefined) throw new NotFoundError(`Unknown plugin ${name}.`);
      return builtin.keys().map((key) => keyInfoFromDef(key));
    }
    const description = await this.#plugins.describe(plugin);
    const own = (description?.configKeys ?? []).map(keyInfoFromProto);
    const ownNames = new Set(own.map((key) => key.name));
    const framework = connectorConfigDef(plugin.type).keys().filter((key) => !ownNames.has(key.name)).map((key) => keyInfoFromDef(key));
    return [...own, ...framework];
  }
}

/** Every error message of a validation result, for Kafka's 400 text. */
export function validationErrors(infos: ConfigInfos): string[] {
  return infos.configs.flatMap((info) => info.value?.errors ?? []);
}
