// Kafka Connect's validation and definition shapes (ConfigInfos, ConfigInfo, ConfigKeyInfo,
// ConfigValueInfo) and their construction from our ConfigDefs and from the definitions plugins
// send in Describe. PASSWORD values show as [hidden], here and only here.

import { renderConfigValue, type ConfigKey } from '../data/index.js';
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

/** A definition from one of our ConfigDefs, optionally under a prefix (transforms.<alias>.). */
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
    display_name: prefix === '' ? key.displayName : `${prefix}${key.displayName}`,
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
