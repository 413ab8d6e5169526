// Config pieces several SMTs of builtins-b.ts define alike: Kafka's NonEmptyListValidator and the
// `replace.null.with.default` key (KIP-1040), with Kafka's documentation and messages.

import { ConfigException, type ConfigKeyDefinition, type ConfigValidator } from '../data/index.js';

/** Kafka's transforms.util.NonEmptyListValidator: "Invalid value [] for configuration fields: Empty list". */
export const nonEmptyListValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      throw ConfigException.invalidValue(name, value === null || value === undefined ? null : '[]', 'Empty list');
    }
  },
  { describe: 'non-empty list' },
);

export function replaceNullWithDefaultKey(name = 'replace.null.with.default'): ConfigKeyDefinition {
  return {
    name,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation:
      'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
  };
}
