// numeric and money columns as Debezium maps them (decimal.handling.mode): precise numeric(p,s) ->
// Decimal with connect.decimal.precision, unconstrained numeric -> VariableScaleDecimal (a struct
// of scale and unscaled bytes, made by toConnectValue once the column's schema is final), double or
// string; and the float text PostgreSQL sends (NaN, Infinity, -Infinity).

import { BigDecimal, DecimalSchema, SchemaBuilder } from '@polyconnect/sdk';
import type { ConverterSettings, DecimalHandlingMode } from './converter-settings.js';
import { DebeziumNames } from './debezium-names.js';
import { moneyToDecimalText } from './pg-text.js';
import type { TypeMapping } from './type-mapping.js';

const PRECISION_PARAMETER = 'connect.decimal.precision';

/** io.debezium.data.VariableScaleDecimal (SchemaFactory.datatypeVariableScaleDecimalSchema). */
function variableScaleDecimalBuilder(): SchemaBuilder {
  return SchemaBuilder.struct()
    .name(DebeziumNames.VARIABLE_SCALE_DECIMAL)
    .version(1)
    .doc('Variable scaled decimal')
    .field('scale', SchemaBuilder.int32().build())
    .field('value', SchemaBuilder.bytes().build());
}

/** A numeric value whose schema is VariableScaleDecimal; toConnectValue makes the struct once the schema is final. */
export class VariableScaleValue {
  constructor(readonly decimal: BigDecimal) {}
}

export function parseFloatText(text: string): number {
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** numeric(p,s): typmod = ((p << 16) | s) + 4, with s an 11-bit signed number since PostgreSQL 15. */
export function numericPrecisionScale(typmod: number): { precision: number; scale: number } | undefined {
  if (typmod < 4) return undefined;
  const value = typmod - 4;
  return { precision: (value >> 16) & 0xffff, scale: ((value & 0x7ff) ^ 1024) - 1024 };
}

export function numericMapping(typmod: number, mode: DecimalHandlingMode): TypeMapping {
  const special = (text: string): boolean => text === 'NaN' || text === 'Infinity' || text === '-Infinity';
  if (mode === 'double') return { builder: () => SchemaBuilder.float64(), convert: parseFloatText };
  if (mode === 'string') return { builder: () => SchemaBuilder.string(), convert: (text) => text };
  const declared = numericPrecisionScale(typmod);
  if (declared === undefined || (declared.precision === 0 && declared.scale === 0)) {
    // Unconstrained numeric: the scale travels with each value (VariableScaleDecimal).
    return {
      builder: variableScaleDecimalBuilder,
      convert: (text) => (special(text) ? null : new VariableScaleValue(BigDecimal.parse(text))),
    };
  }
  return {
    builder: () => DecimalSchema.builder(declared.scale).parameter(PRECISION_PARAMETER, String(declared.precision)),
    convert: (text) => (special(text) ? null : BigDecimal.parse(text).withScale(declared.scale)),
  };
}

export function moneyMapping(settings: ConverterSettings): TypeMapping {
  const scale = settings.moneyFractionDigits;
  const decimal = (text: string): BigDecimal => rescale(BigDecimal.parse(moneyToDecimalText(text)), scale);
  switch (settings.decimalHandlingMode) {
    case 'double':
      return { builder: () => SchemaBuilder.float64(), convert: (text) => decimal(text).toNumber() };
    case 'string':
      return { builder: () => SchemaBuilder.string(), convert: (text) => decimal(text).toPlainString() };
    default:
      return { builder: () => DecimalSchema.builder(scale), convert: decimal };
  }
}

/** Sets the scale, dropping extra digits (money has the scale lc_monetary gives it). */
function rescale(value: BigDecimal, scale: number): BigDecimal {
  if (scale >= value.scale) return value.withScale(scale);
  return new BigDecimal(value.unscaled / 10n ** BigInt(value.scale - scale), scale);
}
