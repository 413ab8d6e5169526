// Config definitions and validation results as protocol messages.

import { type ConfigKey, type ConfigValueResult, renderConfigValue } from '../config/config-def.js';
import type { ConfigKey as ProtoConfigKey } from '../wire/generated/polyconnect/plugin/v1/ConfigKey.js';
import type { ConfigValue as ProtoConfigValue } from '../wire/generated/polyconnect/plugin/v1/ConfigValue.js';

export function toProtoConfigKey(key: ConfigKey): ProtoConfigKey {
  const proto: ProtoConfigKey = {
    name: key.name,
    type: `CONFIG_TYPE_${key.type}`,
    required: key.required,
    importance: `CONFIG_IMPORTANCE_${key.importance}`,
    documentation: key.documentation,
    orderInGroup: key.orderInGroup,
    width: `CONFIG_WIDTH_${key.width}`,
    displayName: key.displayName,
    dependents: [...key.dependents],
  };
  const defaultValue = renderConfigValue(key.defaultValue);
  if (defaultValue !== null) proto.defaultValue = defaultValue;
  if (key.group !== null) proto.group = key.group;
  return proto;
}

export function toProtoConfigValue(result: ConfigValueResult): ProtoConfigValue {
  const proto: ProtoConfigValue = {
    name: result.name,
    recommendedValues: result.recommendedValues,
    errors: result.errors,
    visible: result.visible,
  };
  const value = renderConfigValue(result.value);
  if (value !== null) proto.value = value;
  return proto;
}
