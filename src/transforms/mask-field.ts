// MaskField$Key / MaskField$Value: replaces the listed fields with their type's "empty" value
// (false, 0, "", Date(0), empty list or map) or with `replacement` converted to the field's
// numeric type. The schema is unchanged.
//
// Kafka picks the masked value from the value's Java class. With a schema the class follows from
// the field's schema (an INT16 field holds a Short); without one a whole number counts as a Long
// and any other number as a Double (how JsonConverter reads schemaless numbers), so a schemaless
// Double 5.0 is masked as a Long.

import { BigDecimal, ConfigDef, DataException, Struct, nonEmptyString, type Field, type Schema } from '../data/index.js';
import { toInt64 } from '../converters/java-number.js';
import { javaClassName } from './java-values.js';
import type { RecordPart } from './record-part.js';
import { isSchemalessMap, mapGet, mapWith, requireSchemalessMap } from './schemaless-map.js';
import { requireStruct } from './smt-support.js';
import { nonEmptyListValidator, replaceNullWithDefaultKey } from './transform-config.js';
import type { ConnectRecord, Transformation } from './transformation.js';

const FIELDS_CONFIG = 'fields';
const REPLACEMENT_CONFIG = 'replacement';
const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
const PURPOSE = 'mask fields';

export const MASK_FIELD_CONFIG_DEF = new ConfigDef()
  .define({ name: FIELDS_CONFIG, type: 'LIST', validator: nonEmptyListValidator, importance: 'HIGH', documentation: 'Names of fields to mask.' })
  .define({
    name: REPLACEMENT_CONFIG,
    type: 'STRING',
    defaultValue: null,
    validator: nonEmptyString,
    importance: 'LOW',
    documentation: "Custom value replacement, that will be applied to all 'fields' values (numeric or non-empty string values only).",
  })
  .define(replaceNullWithDefaultKey(REPLACE_NULL_WITH_DEFAULT_CONFIG));

/** Java's BigDecimal(String) grammar (no spaces, no "Infinity"). */
const JAVA_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Values.asLong / asDouble of a String: BigDecimal(text).longValue() or doubleValue(). */
function replacementNumber(replacement: string, asLong: boolean): bigint | number {
  if (!JAVA_DECIMAL.test(replacement)) throw new DataException(`Unable to convert ${replacement} (class java.lang.String) to a number`);
  if (!asLong) return Number(replacement);
  const decimal = BigDecimal.parse(replacement);
  const integer = decimal.scale <= 0 ? decimal.unscaled * 10n ** BigInt(-decimal.scale) : decimal.unscaled / 10n ** BigInt(decimal.scale);
  return BigInt.asIntN(64, integer);
}

/** The masked value for a replacement, by the Java class of the value it replaces (Kafka's REPLACEMENT_MAPPING_FUNC). */
function withReplacement(className: string, replacement: string): unknown {
  switch (className) {
    case 'java.lang.String':
      return replacement;
    case 'java.lang.Byte':
      return Number(BigInt.asIntN(8, replacementNumber(replacement, true) as bigint));
    case 'java.lang.Short':
      return Number(BigInt.asIntN(16, replacementNumber(replacement, true) as bigint));
    case 'java.lang.Integer':
      return Number(BigInt.asIntN(32, replacementNumber(replacement, true) as bigint));
    case 'java.lang.Long':
      return toInt64(replacementNumber(replacement, true) as bigint);
    case 'java.lang.Float':
      return Math.fround(replacementNumber(replacement, false) as number);
    case 'java.lang.Double':
      return replacementNumber(replacement, false);
    case 'java.math.BigDecimal':
      if (!JAVA_DECIMAL.test(replacement)) throw new DataException(`Unable to convert ${replacement} (class java.lang.String) to number`);
      return BigDecimal.parse(replacement);
    default:
      throw new DataException(`Cannot mask value of type class ${className} with custom replacement.`);
  }
}

/** The type's "empty" value (Kafka's PRIMITIVE_VALUE_MAPPING, then empty List or Map). */
function emptyValue(value: unknown, className: string): unknown {
  switch (className) {
    case 'java.lang.Boolean':
      return false;
    case 'java.lang.Byte':
    case 'java.lang.Short':
    case 'java.lang.Integer':
    case 'java.lang.Long':
    case 'java.lang.Float':
    case 'java.lang.Double':
      return 0;
    case 'java.math.BigDecimal':
      return new BigDecimal(0n, 0);
    case 'java.util.Date':
      return new Date(0);
    case 'java.lang.String':
      return '';
    default:
      break;
  }
  if (Array.isArray(value)) return [];
  if (value instanceof Map) return new Map();
  if (isSchemalessMap(value)) return {};
  throw new DataException(`Cannot mask value of type: class ${className}`);
}

export class MaskField implements Transformation {
  #fields: ReadonlySet<string> = new Set();
  #replacement: string | null = null;
  #replaceNullWithDefault = true;

  constructor(private readonly part: RecordPart) {}

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = MASK_FIELD_CONFIG_DEF.parse(config);
    this.#fields = new Set(parsed[FIELDS_CONFIG] as string[]);
    this.#replacement = (parsed[REPLACEMENT_CONFIG] as string | null) ?? null;
    this.#replaceNullWithDefault = parsed[REPLACE_NULL_WITH_DEFAULT_CONFIG] as boolean;
  }

  apply<R extends ConnectRecord>(record: R): R {
    const schema = this.part.schema(record);
    const value = this.part.value(record);
    if (schema === null) {
      const map = requireSchemalessMap(value, PURPOSE);
      // Kafka quirk kept: a listed field missing from the map is added with null.
      return this.part.with(record, null, mapWith(map, [...this.#fields].map((name): [string, unknown] => [name, this.#masked(mapGet(map, name), null)])));
    }
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(struct.schema);
    for (const field of struct.schema.fields) {
      const original = this.#fieldValue(struct, field);
      updated.put(field, this.#fields.has(field.name) ? this.#masked(original, field.schema) : original);
    }
    return this.part.with(record, schema, updated);
  }

  #fieldValue(struct: Struct, field: Field): unknown {
    return this.#replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
  }

  #masked(value: unknown, schema: Schema | null): unknown {
    if (value === null || value === undefined) return null;
    const className = javaClassName(value, schema);
    return this.#replacement === null ? emptyValue(value, className) : withReplacement(className, this.#replacement);
  }

  config(): ConfigDef {
    return MASK_FIELD_CONFIG_DEF;
  }

  close(): void {}
}
