// The built-in converters and the registry that builds them from a worker or connector config:
//
//   const value = createConverter('org.apache.kafka.connect.json.JsonConverter', { 'schemas.enable': 'false' }, false);
//   const headers = createHeaderConverter('SimpleHeaderConverter', {});
//
// Class names are Kafka's; like Kafka's plugin aliases, the simple class name and the simple name
// without its plugin-type suffix also work (JsonConverter or Json, SimpleHeaderConverter or Simple).
// Converters come back configured. Not built in yet: Kafka's DoubleConverter, FloatConverter,
// IntegerConverter, LongConverter, ShortConverter and BooleanConverter.

import { ConfigException, type ConfigDef } from '../data/index.js';
import { ByteArrayConverter } from './byte-array-converter.js';
import type { Converter, HeaderConverter } from './converter.js';
import { CONVERTER_TYPE_CONFIG } from './converter-config.js';
import { JsonConverter } from './json-converter.js';
import { SimpleHeaderConverter } from './simple-header-converter.js';
import { StringConverter } from './string-converter.js';

export type { Converter, ConverterType, HeaderConverter, SchemaAndValue } from './converter.js';
export { ByteArrayConverter } from './byte-array-converter.js';
export { JsonConverter } from './json-converter.js';
export { SimpleHeaderConverter } from './simple-header-converter.js';
export { StringConverter } from './string-converter.js';

interface ConverterPlugin {
  readonly className: string;
  /** The plugin's config() (Kafka's Converter.config / HeaderConverter.config). */
  readonly config: () => ConfigDef;
  readonly createConverter?: () => Converter;
  readonly createHeaderConverter?: () => HeaderConverter;
}

const PLUGINS: readonly ConverterPlugin[] = [
  { className: JsonConverter.CLASS_NAME, config: () => new JsonConverter().config(), createConverter: () => new JsonConverter(), createHeaderConverter: () => new JsonConverter() },
  { className: StringConverter.CLASS_NAME, config: () => new StringConverter().config(), createConverter: () => new StringConverter(), createHeaderConverter: () => new StringConverter() },
  { className: ByteArrayConverter.CLASS_NAME, config: () => new ByteArrayConverter().config(), createConverter: () => new ByteArrayConverter(), createHeaderConverter: () => new ByteArrayConverter() },
  { className: SimpleHeaderConverter.CLASS_NAME, config: () => new SimpleHeaderConverter().config(), createHeaderConverter: () => new SimpleHeaderConverter() },
];

/** Every name a plugin answers to: its class name, simple name and simple name minus the type suffix. */
const BY_NAME: ReadonlyMap<string, ConverterPlugin> = new Map(
  PLUGINS.flatMap((plugin) => {
    const simple = plugin.className.slice(plugin.className.lastIndexOf('.') + 1);
    const suffix = plugin.createConverter === undefined ? 'HeaderConverter' : 'Converter';
    const pruned = simple.endsWith(suffix) && simple.length > suffix.length ? simple.slice(0, -suffix.length) : simple;
    return [...new Set([plugin.className, simple, pruned])].map((name) => [name, plugin] as const);
  }),
);

/** The key/value converter classes built in, by Kafka class name. */
export function knownConverterClasses(): string[] {
  return PLUGINS.filter((plugin) => plugin.createConverter !== undefined).map((plugin) => plugin.className);
}

/** The header converter classes built in, by Kafka class name. */
export function knownHeaderConverterClasses(): string[] {
  return PLUGINS.filter((plugin) => plugin.createHeaderConverter !== undefined).map((plugin) => plugin.className);
}

/** The Kafka class name a converter name or alias stands for, if it is built in. */
export function resolveConverterClass(name: string): string | undefined {
  return BY_NAME.get(name.trim())?.className;
}

/**
 * The config definitions of a built-in converter (`converter`) or header converter (`header`) by
 * class name or alias, for the REST API; undefined when no built-in plugin of that kind has the name.
 */
export function converterPluginConfigDef(name: string, kind: 'converter' | 'header'): { className: string; config: ConfigDef } | undefined {
  const plugin = BY_NAME.get(name.trim());
  if (plugin === undefined || (kind === 'converter' ? plugin.createConverter : plugin.createHeaderConverter) === undefined) return undefined;
  return { className: plugin.className, config: plugin.config() };
}

/**
 * A configured key (isKey) or value converter. `config` holds the converter's own settings with
 * the `key.converter.` / `value.converter.` prefix already removed.
 */
export function createConverter(className: string, config: Readonly<Record<string, string>>, isKey: boolean): Converter {
  const key = isKey ? 'key.converter' : 'value.converter';
  const plugin = lookup(className, key);
  if (plugin.createConverter === undefined) {
    throw ConfigException.invalidValue(key, className, `Class ${plugin.className} is a HeaderConverter, not a Converter.`);
  }
  const converter = plugin.createConverter();
  converter.configure(config, isKey);
  return converter;
}

/** A configured header converter; converter.type is set to header unless the config already says. */
export function createHeaderConverter(className: string, config: Readonly<Record<string, string>>): HeaderConverter {
  const plugin = lookup(className, 'header.converter');
  if (plugin.createHeaderConverter === undefined) {
    throw ConfigException.invalidValue('header.converter', className, `Class ${plugin.className} is not a HeaderConverter.`);
  }
  const converter = plugin.createHeaderConverter();
  converter.configure({ [CONVERTER_TYPE_CONFIG]: 'header', ...config });
  return converter;
}

function lookup(className: string, configKey: string): ConverterPlugin {
  const plugin = BY_NAME.get(className.trim());
  if (plugin === undefined) throw ConfigException.invalidValue(configKey, className, `Class ${className} could not be found.`);
  return plugin;
}
