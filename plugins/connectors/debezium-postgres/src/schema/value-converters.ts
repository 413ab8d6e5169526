// A column's Connect mapping, following Debezium's PostgreSQL connector: columnConverter gives its
// schema (optional when the column is), the text -> value conversion, Debezium's fallback for a
// required column without a value and its placeholder for an unchanged TOASTed value. The type by
// type mapping is in type-mapping.ts (with numeric-mappings.ts and temporal-mappings.ts), the
// settings in converter-settings.ts, the semantic names in debezium-names.ts; this module
// re-exports their public names so importers keep one entry point.

import { BigDecimal, DateSchema, DecimalSchema, type Schema, Struct, TimeSchema, TimestampSchema } from '@polyconnect/sdk';
import type { ConverterSettings } from './converter-settings.js';
import { DebeziumNames } from './debezium-names.js';
import { VariableScaleValue } from './numeric-mappings.js';
import { typeMapping } from './type-mapping.js';
import type { TypeRegistry } from './type-registry.js';

export {
  type BinaryHandlingMode,
  type ConverterSettings,
  DEFAULT_CONVERTER_SETTINGS,
  type DecimalHandlingMode,
  type IntervalHandlingMode,
  type TimePrecisionMode,
} from './converter-settings.js';
export { DebeziumNames } from './debezium-names.js';
export { numericPrecisionScale } from './numeric-mappings.js';

/** A column as the catalog or a pgoutput Relation message describes it. */
export interface ColumnDefinition {
  readonly name: string;
  readonly typeOid: number;
  readonly typmod: number;
  readonly optional: boolean;
}

/** How one column's values become Connect values. */
export interface ColumnConverter {
  readonly name: string;
  readonly schema: Schema;
  /** Converts the column's text; null for values without a Connect representation (NaN numerics, infinite dates). */
  convert(text: string): unknown;
  /** What a required column holds when the change carries no value for it (Debezium's fallback: 0, "", epoch, ...). */
  readonly fallback: unknown;
  /** The value standing for an unchanged TOASTed value (the placeholder, where the type can hold it). */
  readonly unavailable: unknown;
}

/** The Connect mapping of a column, or undefined when Debezium would skip it. */
export function columnConverter(column: ColumnDefinition, types: TypeRegistry, settings: ConverterSettings): ColumnConverter | undefined {
  const mapping = typeMapping(column.typeOid, column.typmod, types, settings);
  if (mapping === undefined) return undefined;
  const builder = mapping.builder();
  if (column.optional) builder.optional();
  const schema = builder.build();
  return {
    name: column.name,
    schema,
    convert: (text) => toConnectValue(schema, mapping.convert(text)),
    fallback: column.optional ? null : fallbackValue(schema),
    unavailable: unavailableValue(schema, settings.unavailableValuePlaceholder, column.optional),
  };
}

/** Turns a converted value into what the schema holds: VariableScaleDecimal values become structs of the final schema. */
export function toConnectValue(schema: Schema, value: unknown): unknown {
  if (value instanceof VariableScaleValue) {
    return new Struct(schema).put('scale', value.decimal.scale).put('value', value.decimal.unscaledBytes());
  }
  if (Array.isArray(value) && schema.type === 'ARRAY') return value.map((element) => toConnectValue(schema.valueSchema!, element));
  return value;
}

/** Debezium's fallback for a required column without a value (JdbcValueConverters' "fallback" arguments). */
export function fallbackValue(schema: Schema): unknown {
  switch (schema.name) {
    case DecimalSchema.LOGICAL_NAME:
      return new BigDecimal(0n, DecimalSchema.scaleOf(schema));
    case DateSchema.LOGICAL_NAME:
    case TimeSchema.LOGICAL_NAME:
    case TimestampSchema.LOGICAL_NAME:
      return new Date(0);
    case DebeziumNames.ZONED_TIMESTAMP:
      return '1970-01-01T00:00:00Z';
    case DebeziumNames.ZONED_TIME:
      return '00:00:00Z';
    case DebeziumNames.VARIABLE_SCALE_DECIMAL:
      return new Struct(schema).put('scale', 0).put('value', Buffer.from([0]));
    default:
      break;
  }
  switch (schema.type) {
    case 'BOOLEAN':
      return false;
    case 'STRING':
      return '';
    case 'BYTES':
      return Buffer.alloc(0);
    case 'ARRAY':
      return [];
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      return 0;
    default:
      return null;
  }
}

/** Debezium's placeholder for an unchanged TOASTed value, where the schema can hold it; else the fallback. */
function unavailableValue(schema: Schema, placeholder: string, optional: boolean): unknown {
  if (schema.type === 'STRING' && schema.name !== DebeziumNames.ENUM) return placeholder;
  if (schema.type === 'BYTES' && schema.name === undefined) return Buffer.from(placeholder, 'utf8');
  if (schema.type === 'ARRAY' && schema.valueSchema?.type === 'STRING') return [placeholder];
  return optional ? null : fallbackValue(schema);
}
