// Validators for ConfigDef keys, after Kafka's ConfigDef.Range, ValidString, NonEmptyString and
// friends. A validator receives the parsed value and throws ConfigException when it is invalid.

import { ConfigException } from './config-exception.js';

export type ConfigValidator = ((name: string, value: unknown) => void) & { describe?: string };

function validator(check: (name: string, value: unknown) => void, describe: string): ConfigValidator {
  return Object.assign(check, { describe });
}

/** A number at least `min` (and at most `max` when given); null passes. */
export function range(min: number, max?: number): ConfigValidator {
  const describe = max === undefined ? `[${min},...]` : `[${min},...,${max}]`;
  return validator((name, value) => {
    if (value === null || value === undefined) return;
    const number = Number(value);
    if (number < min) throw ConfigException.invalidValue(name, value, `Value must be at least ${min}`);
    if (max !== undefined && number > max) throw ConfigException.invalidValue(name, value, `Value must be no more than ${max}`);
  }, describe);
}

/** One of the given strings (case-sensitive unless asked otherwise); null passes. */
export function validString(allowed: readonly string[], options: { caseInsensitive?: boolean } = {}): ConfigValidator {
  const normalise = (text: string): string => (options.caseInsensitive ? text.toLowerCase() : text);
  const accepted = new Set(allowed.map(normalise));
  return validator((name, value) => {
    if (value === null || value === undefined) return;
    if (!accepted.has(normalise(String(value)))) {
      throw ConfigException.invalidValue(name, value, `String must be one of: ${allowed.join(', ')}`);
    }
  }, `[${allowed.join(', ')}]`);
}

/** A string that is not empty; null passes. */
export const nonEmptyString: ConfigValidator = validator((name, value) => {
  if (typeof value === 'string' && value.length === 0) throw ConfigException.invalidValue(name, value, 'String must be non-empty');
}, 'non-empty string');

/** A list with at least one element. */
export const nonEmptyList: ConfigValidator = validator((name, value) => {
  if (Array.isArray(value) && value.length === 0) throw ConfigException.invalidValue(name, '', 'Empty list');
}, 'non-empty list');

/** A string without ISO control characters (Kafka's NonEmptyStringWithoutControlChars, minus emptiness). */
export const noControlCharacters: ConfigValidator = validator((name, value) => {
  if (typeof value !== 'string') return;
  const controls = [...value].map((c) => c.codePointAt(0)!).filter((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f));
  if (controls.length > 0) {
    throw ConfigException.invalidValue(name, value, `String may not contain control sequences but had the following ASCII chars: ${controls.join(', ')}`);
  }
}, 'string without control characters');

/** All of the given validators, in order. */
export function allOf(...validators: ConfigValidator[]): ConfigValidator {
  return validator((name, value) => validators.forEach((check) => check(name, value)), validators.map((check) => check.describe ?? '').join(', '));
}
