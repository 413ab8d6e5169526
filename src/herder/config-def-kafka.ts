// The parts of Kafka's ConfigDef that decide what the REST API's ConfigInfos look like, beyond
// what our SDK ConfigDef does: sortedConfigs (the order ConfigDef.embed copies a child's keys in),
// embed itself (prefixed names, "<group prefix>[: <group>]" groups, running order numbers),
// validate's per-key value (null after a parse error, the default when absent) and the iteration
// order of the HashMap ConfigDef.validate collects its results in.

import { ConfigException, parseType, type ConfigDef, type ConfigKey, type ConfigValidator } from '../data/index.js';

const IMPORTANCE_RANK: Readonly<Record<string, number>> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/**
 * Kafka's ConfigDef.sortedConfigs: by group (keys without a group first, then the groups in order of
 * first definition), then order in group, then keys without a default, then importance, then name.
 */
export function sortedConfigs(keys: readonly ConfigKey[]): ConfigKey[] {
  const groups = [...new Set(keys.flatMap((key) => (key.group === null ? [] : [key.group])))];
  const groupRank = new Map(groups.map((group, index) => [group, index] as const));
  return [...keys].sort((a, b) => {
    const byGroup = a.group === null ? (b.group === null ? 0 : -1) : b.group === null ? 1 : groupRank.get(a.group)! - groupRank.get(b.group)!;
    if (byGroup !== 0) return byGroup;
    if (a.orderInGroup !== b.orderInGroup) return a.orderInGroup < b.orderInGroup ? -1 : 1;
    if (a.required !== b.required) return a.required ? -1 : 1;
    const byImportance = IMPORTANCE_RANK[a.importance]! - IMPORTANCE_RANK[b.importance]!;
    if (byImportance !== 0) return byImportance;
    return javaCompare(a.name, b.name);
  });
}

/**
 * Kafka's ConfigDef.embed: the child's keys (in sortedConfigs order) under `prefix`, in group
 * `groupPrefix` (or `groupPrefix: group` for keys with a group of their own), numbered from
 * `startingOrder`. Validators still see the unprefixed name; display names stay as they were.
 */
export function embedKeys(prefix: string, groupPrefix: string, startingOrder: number, child: readonly ConfigKey[]): ConfigKey[] {
  return sortedConfigs(child).map((key, index) => ({
    ...key,
    name: prefix + key.name,
    group: key.group === null ? groupPrefix : `${groupPrefix}: ${key.group}`,
    orderInGroup: startingOrder + index,
    validator: embeddedValidator(prefix, key.validator),
    dependents: key.dependents.map((dependent) => prefix + dependent),
  }));
}

function embeddedValidator(prefix: string, validator: ConfigValidator | undefined): ConfigValidator | undefined {
  if (validator === undefined) return undefined;
  return Object.assign((name: string, value: unknown) => validator(name.startsWith(prefix) ? name.slice(prefix.length) : name, value), { describe: validator.describe });
}

/** A key's value as Kafka's ConfigDef.validate records it, with the messages it reports on it. */
export interface KafkaConfigValue {
  readonly name: string;
  readonly value: unknown;
  readonly errors: string[];
}

/**
 * Kafka's ConfigDef.parseForValidate for one key: a value that does not parse is reported and
 * recorded as null, a missing required key is reported, and the validator runs on whatever value
 * resulted (null included), so a key can carry two messages.
 */
export function validateKey(key: ConfigKey, raw: string | undefined): KafkaConfigValue {
  const errors: string[] = [];
  let value: unknown = null;
  try {
    if (raw !== undefined) value = parseType(key.name, raw, key.type);
    else if (key.required) errors.push(ConfigException.missing(key.name).message);
    else value = key.defaultValue;
  } catch (error) {
    errors.push((error as Error).message);
  }
  try {
    key.validator?.(key.name, value);
  } catch (error) {
    errors.push((error as Error).message);
  }
  return { name: key.name, value, errors };
}

/** Kafka's ConfigDef.validate: every key's value, in the order of the java.util.HashMap it collects them in. */
export function validateAll(definition: ConfigDef, config: Readonly<Record<string, string>>): KafkaConfigValue[] {
  const byName = new Map(definition.keys().map((key) => [key.name, validateKey(key, config[key.name])] as const));
  return javaHashMapOrder([...byName.keys()]).map((name) => byName.get(name)!);
}

/**
 * The iteration order of a java.util.HashMap<String, …> the names were put in, in this order:
 * buckets by spread String.hashCode over the smallest table (from 16, doubling) that holds them at
 * load factor 0.75, and insertion order within a bucket.
 */
export function javaHashMapOrder(names: readonly string[]): string[] {
  let capacity = 16;
  while (names.length > capacity * 0.75) capacity *= 2;
  const bucketOf = (name: string): number => {
    const hash = javaStringHash(name);
    return (hash ^ (hash >>> 16)) & (capacity - 1);
  };
  return names
    .map((name, index) => ({ name, index, bucket: bucketOf(name) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.name);
}

/** Java's String.hashCode (over UTF-16 code units, 32-bit wrapping). */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Java's String.compareTo (UTF-16 code unit order). */
function javaCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
