// The plugin side of the control plane: GET /connector-plugins (connectors from plugin.json
// manifests; with connectorsOnly=false also the built-in transformations, predicates and
// converters, in Kafka's order), the definitions of those built-ins for
// /connector-plugins/{plugin}/config (KIP-769), and the validate endpoint's check of the path's
// plugin name against the body's connector.class.

import { converterPluginConfigDef, knownConverterClasses, knownHeaderConverterClasses } from '../converters/index.js';
import type { ConfigDef } from '../data/index.js';
import type { PluginCatalog } from '../plugin/plugin-catalog.js';
import { predicateClasses, transformationClasses } from '../transforms/registry.js';
import type { PluginInfo } from './herder.js';
import { BadRequestError } from './herder-errors.js';

export function listConnectorPlugins(catalog: PluginCatalog, connectorsOnly: boolean, builtinVersion: string): PluginInfo[] {
  const connectors: PluginInfo[] = catalog.connectors().map((c) => ({ class: c.className, type: c.type, version: c.version }));
  if (connectorsOnly) return connectors;
  const builtin = (type: string, classes: readonly string[]): PluginInfo[] => [...classes].sort(javaOrder).map((name) => ({ class: name, type, version: builtinVersion }));
  return [
    ...connectors,
    ...builtin('transformation', transformationClasses().entries().map((e) => e.className)),
    ...builtin('predicate', predicateClasses().entries().map((e) => e.className)),
    ...builtin('converter', knownConverterClasses()),
    ...builtin('header_converter', knownHeaderConverterClasses()),
  ];
}

/**
 * The definitions of a built-in converter, header converter, transformation or predicate named by
 * class name or alias — the plugin's own config(), as Kafka's AbstractHerder.connectorPluginConfig
 * answers for a plugin that is not a connector; undefined when no built-in has the name.
 */
export function builtinPluginConfigDef(name: string): ConfigDef | undefined {
  const converter = converterPluginConfigDef(name, 'converter') ?? converterPluginConfigDef(name, 'header');
  if (converter !== undefined) return converter.config;
  const entry = transformationClasses().lookup(name) ?? predicateClasses().lookup(name);
  if (entry === undefined) return undefined;
  const plugin = entry.create();
  try {
    return plugin.config();
  } finally {
    plugin.close();
  }
}

/**
 * Kafka's cross-check on PUT /connector-plugins/{plugin}/config/validate: the body's
 * connector.class decides, but it must agree with the path (each without a "Connector" suffix).
 */
export function checkValidatePath(pluginName: string, config: Readonly<Record<string, string>>): void {
  const connectorClass = config['connector.class'];
  if (connectorClass === undefined) return; // answered as "contains no connector type" by validation
  const strip = (name: string): string => (name.endsWith('Connector') ? name.slice(0, -'Connector'.length) : name);
  if (!strip(connectorClass).endsWith(strip(pluginName))) {
    throw new BadRequestError(`Included connector type ${connectorClass} does not match request type ${pluginName}`);
  }
}

function javaOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
