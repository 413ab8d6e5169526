// The converter settings a column's mapping depends on (the Debezium options decimal.handling.mode,
// time.precision.mode, binary.handling.mode, interval.handling.mode, money fraction digits,
// include.unknown.datatypes and unavailable.value.placeholder) and Debezium's defaults for them.

export type DecimalHandlingMode = 'precise' | 'double' | 'string';
export type TimePrecisionMode = 'adaptive' | 'adaptive_time_microseconds' | 'connect';
export type BinaryHandlingMode = 'bytes' | 'base64' | 'base64-url-safe' | 'hex';
export type IntervalHandlingMode = 'numeric' | 'string';

export interface ConverterSettings {
  readonly decimalHandlingMode: DecimalHandlingMode;
  readonly timePrecisionMode: TimePrecisionMode;
  readonly binaryHandlingMode: BinaryHandlingMode;
  readonly intervalHandlingMode: IntervalHandlingMode;
  readonly moneyFractionDigits: number;
  readonly includeUnknownDatatypes: boolean;
  /** unavailable.value.placeholder: stands for an unchanged TOASTed value the stream did not send. */
  readonly unavailableValuePlaceholder: string;
}

export const DEFAULT_CONVERTER_SETTINGS: ConverterSettings = {
  decimalHandlingMode: 'precise',
  timePrecisionMode: 'adaptive',
  binaryHandlingMode: 'bytes',
  intervalHandlingMode: 'numeric',
  moneyFractionDigits: 2,
  includeUnknownDatatypes: false,
  unavailableValuePlaceholder: '__debezium_unavailable_value',
};
