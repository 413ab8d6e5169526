// ReplaceField$Key / ReplaceField$Value: keeps the fields not in `exclude` (and, when `include` is
// set, only those in it), renamed per `renames` (old:new). Also takes Kafka 3.x's deprecated
// `blacklist` / `whitelist` for `exclude` / `include` (removed in Kafka 4.0, which ignores them);
// when both a key and its deprecated alias are set, the key wins, as in 3.x.

import { ConfigDef, ConfigException, SchemaBuilder, Struct, type ConfigValidator, type Schema } from '../data/index.js';
import type { RecordPart } from './record-part.js';
import { mapEntriesOf, mapOf, requireSchemalessMap } from './schemaless-map.js';
import { SchemaCache, copySchemaBasics, requireStruct } from './smt-support.js';
import type { ConnectRecord, Transformation } from './transformation.js';
import { replaceNullWithDefaultKey } from './transform-config.js';

const EXCLUDE = 'exclude';
const INCLUDE = 'include';
const RENAMES = 'renames';
const BLACKLIST = 'blacklist';
const WHITELIST = 'whitelist';
const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default';
const PURPOSE = 'field replacement';

/** Kafka's parseRenameMappings: each entry must split on ':' into exactly two parts. */
function parseRenames(mappings: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length !== 2) throw ConfigException.invalidValue(RENAMES, `[${mappings.join(', ')}]`, `Invalid rename mapping: ${mapping}`);
    renames.set(parts[0]!, parts[1]!);
  }
  return renames;
}

/** Java's String.split(separator): trailing empty strings are dropped ("a:" is ["a"]). */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 0 ? [''] : parts;
}

const renamesValidator: ConfigValidator = Object.assign((_name: string, value: unknown): void => void parseRenames(value as string[]), {
  describe: 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
});

export const REPLACE_FIELD_CONFIG_DEF = new ConfigDef()
  .define({ name: EXCLUDE, type: 'LIST', defaultValue: [], importance: 'MEDIUM', documentation: 'Fields to exclude. This takes precedence over the fields to include.' })
  .define({ name: BLACKLIST, type: 'LIST', defaultValue: null, importance: 'LOW', documentation: `Deprecated. Use ${EXCLUDE} instead.` })
  .define({ name: INCLUDE, type: 'LIST', defaultValue: [], importance: 'MEDIUM', documentation: 'Fields to include. If specified, only these fields will be used.' })
  .define({ name: WHITELIST, type: 'LIST', defaultValue: null, importance: 'LOW', documentation: `Deprecated. Use ${INCLUDE} instead.` })
  .define({ name: RENAMES, type: 'LIST', defaultValue: [], validator: renamesValidator, importance: 'MEDIUM', documentation: 'Field rename mappings.' })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT));

/** Kafka 3.x's ConfigUtils.translateDeprecatedConfigs for this transform's two aliases. */
function translateDeprecated(config: Readonly<Record<string, string>>): Record<string, string> {
  const translated: Record<string, string> = { ...config };
  for (const [key, alias] of [[INCLUDE, WHITELIST], [EXCLUDE, BLACKLIST]] as const) {
    const aliased = translated[alias];
    delete translated[alias];
    if (aliased !== undefined && translated[key] === undefined) translated[key] = aliased;
  }
  return translated;
}

export class ReplaceField implements Transformation {
  #exclude: ReadonlySet<string> = new Set();
  #include: ReadonlySet<string> = new Set();
  #renames = new Map<string, string>();
  #reverseRenames = new Map<string, string>();
  #replaceNullWithDefault = true;
  #cache = new SchemaCache();

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = REPLACE_FIELD_CONFIG_DEF.parse(translateDeprecated(config));
    this.#exclude = new Set(parsed[EXCLUDE] as string[]);
    this.#include = new Set(parsed[INCLUDE] as string[]);
    this.#renames = parseRenames(parsed[RENAMES] as string[]);
    this.#reverseRenames = new Map([...this.#renames].map(([from, to]) => [to, from]));
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT] as boolean;
    this.#cache = new SchemaCache();
  }

  #kept(name: string): boolean {
    return !this.#exclude.has(name) && (this.#include.size === 0 || this.#include.has(name));
  }

  #renamed(name: string): string {
    return this.#renames.get(name) ?? name;
  }

  apply<R extends ConnectRecord>(record: R): R {
    const value = this.part.value(record);
    if (value === null || value === undefined) return record;
    if (this.part.schema(record) === null) {
      const map = requireSchemalessMap(value, PURPOSE);
      const entries = mapEntriesOf(map).flatMap(([name, element]): [string, unknown][] => (this.#kept(name) ? [[this.#renamed(name), element]] : []));
      return this.part.with(record, null, mapOf(map, entries));
    }
    const struct = requireStruct(value, PURPOSE);
    let updatedSchema = this.#cache.get(struct.schema);
    if (updatedSchema === undefined) {
      updatedSchema = this.#updatedSchema(struct.schema);
      this.#cache.set(struct.schema, updatedSchema);
    }
    const updated = new Struct(updatedSchema);
    for (const field of updatedSchema.fields) {
      const original = this.#reverseRenames.get(field.name) ?? field.name;
      updated.put(field.name, this.#replaceNullWithDefault ? struct.get(original) : struct.getWithoutDefault(original));
    }
    return this.part.with(record, updatedSchema, updated);
  }

  #updatedSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields) if (this.#kept(field.name)) builder.field(this.#renamed(field.name), field.schema);
    return builder.build();
  }

  config(): ConfigDef {
    return REPLACE_FIELD_CONFIG_DEF;
  }

  close(): void {}
}
