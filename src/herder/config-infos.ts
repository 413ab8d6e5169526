// Kafka Connect's validation and definition shapes (ConfigInfos, ConfigInfo, ConfigKeyInfo,
// ConfigValueInfo) and their construction from our ConfigDefs and from the definitions plugins
// send in Describe; also Kafka's prefixedConfigInfos and mergeConfigInfos, which add a converter's
// own keys to a validation answer. PASSWORD values show as [hidden], here and only here.

import { renderConfigValue, type ConfigKey } from '../data/index.js';
import type { KafkaConfigValue } from './config-def-kafka.js';
import type { proto } from '@polyconnect/sdk/wire';

export interface ConfigKeyInfo {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string | null;
  group: string | null;
  width: string;
  display_name: string;
  dependents: string[];
  order: number;
}

export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

export interface ConfigInfo {
  definition: ConfigKeyInfo | null;
  value: ConfigValueInfo | null;
}

export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: ConfigInfo[];
}

export const HIDDEN = '[hidden]';

/** A definition from one of our ConfigDefs, optionally under a prefix (key.converter.); the display name stays unprefixed, as in Kafka. */
export function keyInfoFromDef(key: ConfigKey, prefix = ''): ConfigKeyInfo {
  const defaultValue = key.required ? null : key.type === 'PASSWORD' && key.defaultValue !== null ? HIDDEN : renderConfigValue(key.defaultValue);
  return {
    name: `${prefix}${key.name}`,
    type: key.type,
    required: key.required,
    default_value: defaultValue,
    importance: key.importance,
    documentation: key.documentation === '' ? null : key.documentation,
    group: key.group,
    width: key.width,
    display_name: key.displayName,
    dependents: [...key.dependents],
    order: key.orderInGroup,
  };
}

/** A definition a plugin sent in Describe. */
export function keyInfoFromProto(key: proto.ConfigKey__Output): ConfigKeyInfo {
  const type = stripPrefix(String(key.type), 'CONFIG_TYPE_', 'STRING');
  return {
    name: key.name,
    type,
    required: key.required,
    default_value: key.required ? null : type === 'PASSWORD' && key.defaultValue !== undefined ? HIDDEN : (key.defaultValue ?? null),
    importance: stripPrefix(String(key.importance), 'CONFIG_IMPORTANCE_', 'MEDIUM'),
    documentation: key.documentation === '' ? null : key.documentation,
    group: key.group ?? null,
    width: stripPrefix(String(key.width), 'CONFIG_WIDTH_', 'NONE'),
    display_name: key.displayName || key.name,
    dependents: [...key.dependents],
    order: key.orderInGroup === 0 ? -1 : key.orderInGroup,
  };
}

/** A value as the validate endpoint shows it: rendered as text, PASSWORD as [hidden]. */
export function valueInfo(name: string, value: unknown, errors: readonly string[], definition: ConfigKeyInfo | null, recommended: readonly string[] = [], visible = true): ConfigValueInfo {
  const rendered = definition?.type === 'PASSWORD' && value !== null && value !== undefined ? HIDDEN : renderConfigValue(value);
  return { name, value: rendered, recommended_values: [...recommended], errors: [...errors], visible };
}

function stripPrefix(value: string, prefix: string, fallback: string): string {
  const stripped = value.startsWith(prefix) ? value.slice(prefix.length) : value;
  return stripped === 'UNSPECIFIED' || stripped === '' ? fallback : stripped;
}

/**
 * Kafka's AbstractHerder.prefixedConfigInfos: one entry per validated value, named and defined
 * under `prefix`; unlike the connector's own part, error_count counts the keys with errors.
 */
export function prefixedConfigInfos(keys: readonly ConfigKey[], values: readonly KafkaConfigValue[], prefix: string): ConfigInfos {
  const byName = new Map(keys.map((key) => [key.name, key] as const));
  const groups = new Set<string>();
  const configs: ConfigInfo[] = values.map(({ name, value, errors }) => {
    const key = byName.get(name);
    if (key?.group) groups.add(key.group);
    const definition = key === undefined ? null : keyInfoFromDef(key, prefix);
    return { definition, value: valueInfo(prefix + name, value, errors, definition) };
  });
  return { name: '', error_count: configs.filter((info) => (info.value?.errors.length ?? 0) > 0).length, groups: [...groups], configs };
}

/** Kafka's AbstractHerder.mergeConfigInfos: the parts in order, error counts summed, groups once each. */
export function mergeConfigInfos(name: string, parts: readonly (ConfigInfos | undefined)[]): ConfigInfos {
  const present = parts.filter((part): part is ConfigInfos => part !== undefined);
  return {
    name,
    error_count: present.reduce((count, part) => count + part.error_count, 0),
    groups: [...new Set(present.flatMap((part) => part.groups))],
    configs: present.flatMap((part) => part.configs),
  };
}
