// The converter side of a validation answer. First, Kafka's ConnectorConfig checks on
// header.converter, key.converter and value.converter (CLASS keys with a ConcreteSubClassValidator):
// a name that loads no class is "Invalid value X for configuration key.converter: Class X could not
// be found." and shows as null; a class of another kind (SimpleHeaderConverter as a key converter,
// a transformation, a connector) is "Class class X does not implement the Converter interface";
// either way the value shows as Kafka's ConfigDef renders a class (its full name) or null. Then
// Kafka's AbstractHerder.validateConverterConfig: for each of those keys that the connector config
// sets to a built-in converter of the right kind without a problem on that key, the converter's
// own keys under "<property>." with the values its ConfigDef validates them to (converter.type
// filled in as the worker would). A converter the config does not name, or that cannot be used,
// adds nothing there.

import { converterPluginConfigDef, resolveConverterClass } from '../converters/index.js';
import { loadableClassName } from '../transforms/registry.js';
import type { PluginCatalog } from '../plugin/plugin-catalog.js';
import { validateAll } from './config-def-kafka.js';
import { prefixedConfigInfos, type ConfigInfos } from './config-infos.js';
import type { ConfigProblem } from './connector-config-check.js';

const CONVERTERS = [
  { property: 'header.converter', kind: 'header', type: 'header', iface: 'HeaderConverter' },
  { property: 'key.converter', kind: 'converter', type: 'key', iface: 'Converter' },
  { property: 'value.converter', kind: 'converter', type: 'value', iface: 'Converter' },
] as const;

/** The converter class keys, for callers that show their values. */
export const CONVERTER_CLASS_KEYS: readonly string[] = CONVERTERS.map((converter) => converter.property);

/**
 * The full name of the class a converter key's value loads, whatever its kind (a converter, a
 * transformation or predicate, a connector in `catalog`), as Kafka's validate shows a CLASS value;
 * null when no class has that name or alias.
 */
export function converterClassValue(raw: string, catalog: PluginCatalog): string | null {
  const name = raw.trim();
  const found = resolveConverterClass(name) ?? loadableClassName(name);
  if (found !== undefined) return found;
  try {
    return catalog.resolve(name).className;
  } catch {
    return null;
  }
}

/**
 * Kafka's messages for converter keys set to a class that does not exist or is not of their kind.
 * A blank value is left alone: the worker takes it as unset and uses its own converter (Kafka would
 * report "Class  could not be found.").
 */
export function converterClassProblems(config: Readonly<Record<string, string>>, catalog: PluginCatalog): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { property, kind, iface } of CONVERTERS) {
    const raw = config[property];
    if (raw === undefined || raw.trim() === '' || converterPluginConfigDef(raw, kind) !== undefined) continue;
    const className = converterClassValue(raw, catalog);
    const message = className === null ? `Invalid value ${raw} for configuration ${property}: Class ${raw} could not be found.` : `Class class ${className} does not implement the ${iface} interface`;
    problems.push({ key: property, message });
  }
  return problems;
}

/**
 * The header, key and value converter parts, in Kafka's order; `hasErrors` says whether the
 * framework already reported a problem on a converter key (Kafka then skips that converter).
 */
export function converterConfigInfos(config: Readonly<Record<string, string>>, hasErrors: (property: string) => boolean): ConfigInfos[] {
  const parts: ConfigInfos[] = [];
  for (const { property, kind, type } of CONVERTERS) {
    const className = config[property];
    if (className === undefined || hasErrors(property)) continue;
    const plugin = converterPluginConfigDef(className, kind);
    if (plugin === undefined) continue;
    const prefix = `${property}.`;
    const own: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
    own['converter.type'] ??= type;
    parts.push(prefixedConfigInfos(plugin.config.keys(), validateAll(plugin.config, own), prefix));
  }
  return parts;
}
