// Connector config validation as Kafka's AbstractHerder.validateConnectorConfig does it: the
// framework's keys (with the transforms' and predicates' problems), then the plugin's own keys
// from Describe and its own ValidateConfig, answered in Kafka's ConfigInfos shape. Also the flat
// definition list of /connector-plugins/{plugin}/config (the plugin's keys, then the framework's).

import type { proto } from '@polyconnect/sdk/wire';
import type { ConnectorPlugin, PluginCatalog } from '../plugin/plugin-catalog.js';
import { connectorConfigDef } from './connector-config-def.js';
import { connectorConfigProblems, resolveConnectorPlugin } from './connector-config-check.js';
import { keyInfoFromDef, keyInfoFromProto, valueInfo, type ConfigInfo, type ConfigInfos, type ConfigKeyInfo } from './config-infos.js';
import { NotFoundError } from './herder-errors.js';

export interface PluginIntrospection {
  /** The plugin's description of a connector class (Describe), cached by the caller as it likes. */
  describe(plugin: ConnectorPlugin): Promise<proto.ConnectorDescription__Output | undefined>;
  /** The plugin's own validation of a config (ValidateConfig). */
  validate(plugin: ConnectorPlugin, config: Record<string, string>): Promise<proto.ConfigValue__Output[]>;
}

export class ConnectorValidator {
  readonly #catalog: PluginCatalog;
  readonly #plugins: PluginIntrospection;

  constructor(catalog: PluginCatalog, plugins: PluginIntrospection) {
    this.#catalog = catalog;
    this.#plugins = plugins;
  }

  async validate(config: Record<string, string>): Promise<ConfigInfos> {
    const plugin = resolveConnectorPlugin(config, this.#catalog);
    const framework = connectorConfigDef(plugin.type);
    const problems = connectorConfigProblems(config['name'] ?? '', config, plugin);
    if (config['name'] === undefined) {
      // Kafka reports only the missing key (its name validator skips an absent value).
      const emptyName = problems.findIndex((p) => p.key === 'name' && p.message.endsWith('String may not be empty'));
      if (emptyName >= 0) problems.splice(emptyName, 1);
      problems.unshift({ key: 'name', message: 'Missing required configuration "name" which has no default value.' });
    }
    const configs: ConfigInfo[] = [];
    const byName = new Map<string, ConfigInfo>();
    for (const result of framework.validate(config)) {
      const definition = keyInfoFromDef(framework.key(result.name)!);
      const errors = [...result.errors.filter((message) => !(result.name === 'name' && message.startsWith('Missing required'))), ...problems.filter((p) => p.key === result.name).map((p) => p.message)];
      const info: ConfigInfo = { definition, value: valueInfo(result.name, result.value, [...new Set(errors)], definition) };
      configs.push(info);
      byName.set(result.name, info);
    }
    // Problems on keys the framework does not define (transforms.<alias>.<key>, predicates.<alias>.<key>).
    for (const problem of problems) {
      if (byName.has(problem.key)) continue;
      const info: ConfigInfo = { definition: null, value: valueInfo(problem.key, config[problem.key] ?? null, [problem.message], null) };
      configs.push(info);
      byName.set(problem.key, info);
    }
    const groups = framework.groups();
    const description = await this.#plugins.describe(plugin);
    const pluginDefinitions = new Map((description?.configKeys ?? []).map((key) => [key.name, keyInfoFromProto(key)] as const));
    for (const value of await this.#plugins.validate(plugin, config)) {
      const definition = pluginDefinitions.get(value.name) ?? null;
      const existing = byName.get(value.name);
      const shown = valueInfo(value.name, value.value ?? null, value.errors, definition, value.recommendedValues, value.visible);
      if (existing !== undefined && existing.value !== null) {
        // A key both define: the plugin's definition wins, errors from both count.
        existing.value.errors = [...new Set([...existing.value.errors, ...shown.errors])];
        if (definition !== null) existing.definition = definition;
        continue;
      }
      configs.push({ definition, value: shown });
    }
    for (const definition of pluginDefinitions.values()) if (definition.group !== null && !groups.includes(definition.group)) groups.push(definition.group);
    return {
      name: config['connector.class'] ?? '',
      error_count: configs.reduce((count, info) => count + (info.value?.errors.length ?? 0), 0),
      groups,
      configs,
    };
  }

  /** /connector-plugins/{plugin}/config: the plugin's keys, then the framework's it does not redefine. */
  async pluginConfig(name: string): Promise<ConfigKeyInfo[]> {
    let plugin: ConnectorPlugin;
    try {
      plugin = this.#catalog.resolve(name);
    } catch {
      throw new NotFoundError(`Unknown plugin ${name}.`);
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
