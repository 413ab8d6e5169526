// The keys Kafka's ConnectorConfig.enrich adds to a connector's definitions for the validate
// endpoint: for every alias in `transforms`, then every alias in `predicates` (each once, in
// order), the `<list>.<alias>.type` key, and — when that names a usable class of the right kind —
// the plugin's own keys embedded under `<list>.<alias>.` in group "Transforms: <alias>" or
// "Predicates: <alias>". Transformations also get the implicit `predicate` and `negate` keys, which
// mask any of the SMT's own keys of the same names. Each key comes with its value as Kafka's
// validate records it. The problems on these keys come from the chain's checks
// (transform-config-check.ts); this module only says which keys exist and what they hold.

import { ConfigDef, NO_DEFAULT_VALUE, type ConfigKey } from '../data/index.js';
import { aliasList, PREDICATES_CONFIG, TRANSFORMS_CONFIG } from '../transforms/chain.js';
import { loadableClassName, predicateClasses, transformationClasses, type PluginKind } from '../transforms/registry.js';
import { embedKeys, validateKey } from './config-def-kafka.js';

export interface EnrichedKey {
  readonly key: ConfigKey;
  /** The value as validate shows it: parsed, the default when absent, null when absent or unparseable. */
  readonly value: unknown;
  readonly recommended: readonly string[];
}

/** The keys every transformation gets implicitly (Kafka's TransformationStage PREDICATE_CONFIG and NEGATE_CONFIG). */
const IMPLICIT_TRANSFORM_KEYS: readonly ConfigKey[] = new ConfigDef()
  .define({ name: 'predicate', type: 'STRING', defaultValue: null, importance: 'MEDIUM', documentation: "Alias (listed in 'predicates') of the predicate that decides whether this transformation applies to a record." })
  .define({ name: 'negate', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', documentation: 'When true, the transformation applies to the records the predicate does not match.' })
  .keys();

const KINDS: readonly { list: string; group: string; kind: PluginKind; label: string }[] = [
  { list: TRANSFORMS_CONFIG, group: 'Transforms', kind: 'transformation', label: 'Transformation' },
  { list: PREDICATES_CONFIG, group: 'Predicates', kind: 'predicate', label: 'Predicate' },
];

/** The enriched keys of a connector config, transforms first, in Kafka's order. */
export function enrichedTransformKeys(config: Readonly<Record<string, string>>): EnrichedKey[] {
  const keys: EnrichedKey[] = [];
  for (const { list, group: groupName, kind, label } of KINDS) {
    let aliases: string[];
    try {
      aliases = aliasList(config, list);
    } catch {
      continue; // the list itself is reported on its own key
    }
    const registry = kind === 'transformation' ? transformationClasses() : predicateClasses();
    const recommended = registry.entries().map((entry) => entry.className);
    for (const alias of new Set(aliases)) {
      const prefix = `${list}.${alias}.`;
      const group = `${groupName}: ${alias}`;
      const typeKey = typeKeyOf(prefix, group, alias, label);
      const raw = config[typeKey.name];
      keys.push({ key: typeKey, value: raw === undefined ? null : (loadableClassName(raw) ?? null), recommended });
      const entry = raw === undefined ? undefined : registry.lookup(raw);
      if (entry === undefined) continue; // Kafka embeds nothing for a missing, unknown or unusable class
      const own = entry.create();
      let ownKeys: ConfigKey[];
      try {
        ownKeys = own.config().keys();
      } finally {
        own.close();
      }
      const child = kind === 'transformation' ? [...IMPLICIT_TRANSFORM_KEYS, ...ownKeys.filter((key) => !IMPLICIT_TRANSFORM_KEYS.some((implicit) => implicit.name === key.name))] : ownKeys;
      for (const key of embedKeys(prefix, group, typeKey.orderInGroup + 1, child)) {
        keys.push({ key, value: validateKey(key, config[key.name]).value, recommended: [] });
      }
    }
  }
  return keys;
}

/** `<list>.<alias>.type`: a required class, first (order 0) in the alias's group. */
function typeKeyOf(prefix: string, group: string, alias: string, label: string): ConfigKey {
  return {
    name: `${prefix}type`,
    type: 'CLASS',
    defaultValue: NO_DEFAULT_VALUE,
    required: true,
    importance: 'HIGH',
    documentation: `The ${label.toLowerCase()} class, or its alias, that '${alias}' stands for.`,
    validator: undefined,
    group,
    orderInGroup: 0,
    width: 'LONG',
    displayName: `${label} class of ${alias}`,
    dependents: [],
  };
}
