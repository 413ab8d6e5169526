// ConfigDef: configuration definitions (Kafka's ConfigDef) for connectors and for the worker's own
// keys. It parses string configs into typed values, validates them key by key, and describes the
// keys for /connector-plugins/{plugin}/config and the validate endpoint.

import { ConfigException } from './config-exception.js';
import type { ConfigValidator } from './validators.js';

export type ConfigType = 'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type ConfigImportance = 'HIGH' | 'MEDIUM' | 'LOW';
export type ConfigWidth = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

/** Marks a key that has no default and must be given. */
export const NO_DEFAULT_VALUE: unique symbol = Symbol('NO_DEFAULT_VALUE');

/** A password value; it prints as [hidden] so that it never reaches a log by accident. */
export class Password {
  static readonly HIDDEN = '[hidden]';
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  value(): string {
    return this.#value;
  }
  toString(): string {
    return Password.HIDDEN;
  }
  toJSON(): string {
    return Password.HIDDEN;
  }
}

export interface ConfigKeyDefinition {
  name: string;
  type: ConfigType;
  /** The default, as a typed value or as the string a user would write; NO_DEFAULT_VALUE (the default) makes the key required. */
  defaultValue?: unknown;
  importance: ConfigImportance;
  documentation: string;
  validator?: ConfigValidator;
  group?: string;
  orderInGroup?: number;
  width?: ConfigWidth;
  displayName?: string;
  dependents?: readonly string[];
}

export interface ConfigKey extends Required<Omit<ConfigKeyDefinition, 'validator' | 'group'>> {
  readonly validator: ConfigValidator | undefined;
  readonly group: string | null;
  /** True when the key has no default value. */
  readonly required: boolean;
}

export interface ConfigValueResult {
  name: string;
  /** The parsed value (or the raw string when parsing failed); null when absent without default. */
  value: unknown;
  errors: string[];
  recommendedValues: string[];
  visible: boolean;
}

const LIST_SEPARATOR = /\s*,\s*/;

export class ConfigDef {
  readonly #keys = new Map<string, ConfigKey>();

  define(definition: ConfigKeyDefinition): this {
    if (this.#keys.has(definition.name)) throw new ConfigException(`Configuration ${definition.name} is defined twice.`);
    const hasDefault = definition.defaultValue !== undefined && definition.defaultValue !== NO_DEFAULT_VALUE;
    const defaultValue = hasDefault && definition.defaultValue !== null ? parseType(definition.name, definition.defaultValue, definition.type) : hasDefault ? null : NO_DEFAULT_VALUE;
    if (hasDefault && defaultValue !== null) definition.validator?.(definition.name, defaultValue);
    this.#keys.set(definition.name, {
      name: definition.name,
      type: definition.type,
      defaultValue,
      importance: definition.importance,
      documentation: definition.documentation,
      validator: definition.validator,
      group: definition.group ?? null,
      orderInGroup: definition.orderInGroup ?? -1,
      width: definition.width ?? 'NONE',
      displayName: definition.displayName ?? definition.name,
      dependents: definition.dependents ?? [],
      required: !hasDefault,
    });
    return this;
  }

  /** The keys in definition order. */
  keys(): ConfigKey[] {
    return [...this.#keys.values()];
  }

  key(name: string): ConfigKey | undefined {
    return this.#keys.get(name);
  }

  /** The groups of the keys, in order of first appearance. */
  groups(): string[] {
    return [...new Set(this.keys().flatMap((key) => (key.group === null ? [] : [key.group])))];
  }

  /** A new ConfigDef with this one's keys followed by the other's (the other's win on clashes). */
  merge(other: ConfigDef): ConfigDef {
    const merged = new ConfigDef();
    for (const key of this.keys()) if (other.key(key.name) === undefined) merged.#keys.set(key.name, key);
    for (const key of other.keys()) merged.#keys.set(key.name, key);
    return merged;
  }

  /** Parses every defined key; throws ConfigException for the first missing or invalid one. */
  parse(config: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
    const parsed: Record<string, unknown> = {};
    for (const key of this.#keys.values()) parsed[key.name] = parseKey(key, config[key.name]);
    return parsed;
  }

  /** Validates every defined key and reports all problems, without throwing. */
  validate(config: Readonly<Record<string, string | undefined>>): ConfigValueResult[] {
    return this.keys().map((key) => {
      const raw = config[key.name];
      try {
        return { name: key.name, value: parseKey(key, raw), errors: [], recommendedValues: [], visible: true };
      } catch (error) {
        return { name: key.name, value: raw ?? null, errors: [(error as Error).message], recommendedValues: [], visible: true };
      }
    });
  }
}

function parseKey(key: ConfigKey, raw: string | undefined): unknown {
  let value: unknown;
  if (raw !== undefined) value = parseType(key.name, raw, key.type);
  else if (key.defaultValue === NO_DEFAULT_VALUE) throw ConfigException.missing(key.name);
  else value = key.defaultValue;
  key.validator?.(key.name, value);
  return value;
}

/** Parses a string (or already typed value) into the key's type, as Kafka's ConfigDef.parseType. */
export function parseType(name: string, value: unknown, type: ConfigType): unknown {
  if (value === null) return null;
  const text = typeof value === 'string' ? value.trim() : undefined;
  switch (type) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (text?.toLowerCase() === 'true') return true;
      if (text?.toLowerCase() === 'false') return false;
      throw ConfigException.invalidValue(name, value, 'Expected value to be either true or false');
    case 'STRING':
    case 'CLASS':
      if (text !== undefined) return text;
      throw ConfigException.invalidValue(name, value, `Expected value to be a string, but it was a ${typeof value}`);
    case 'PASSWORD':
      if (value instanceof Password) return value;
      if (typeof value === 'string') return new Password(value);
      throw ConfigException.invalidValue(name, value, 'Expected value to be a string');
    case 'INT':
      return parseInteger(name, value, -2147483648, 2147483647, 'INT');
    case 'SHORT':
      return parseInteger(name, value, -32768, 32767, 'SHORT');
    case 'LONG':
      return parseInteger(name, value, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'LONG');
    case 'DOUBLE': {
      const number = typeof value === 'number' ? value : text === undefined || text === '' ? Number.NaN : Number(text);
      if (Number.isNaN(number)) throw ConfigException.invalidValue(name, value, 'Not a number of type DOUBLE');
      return number;
    }
    case 'LIST':
      if (Array.isArray(value)) return value.map(String);
      if (text !== undefined) return text === '' ? [] : text.split(LIST_SEPARATOR);
      throw ConfigException.invalidValue(name, value, 'Expected a comma separated list.');
  }
}

/** Kafka's message names the type: "Not a number of type INT". */
function parseInteger(name: string, value: unknown, min: number, max: number, type: ConfigType): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^[+-]?\d+$/.test(text)) throw ConfigException.invalidValue(name, value, `Not a number of type ${type}`);
  const number = Number(text);
  if (number < min || number > max) throw ConfigException.invalidValue(name, value, `Not a number of type ${type}`);
  return number;
}

/** Renders a typed value as Kafka's REST API shows it: lists comma-joined, passwords hidden. */
export function renderConfigValue(value: unknown): string | null {
  if (value === null || value === undefined || value === NO_DEFAULT_VALUE) return null;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
