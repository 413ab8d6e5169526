// Which columns a sink record becomes, and which of them form the primary key: Confluent's
// FieldsMetadata.extract, SinkRecordField and RecordValidator, with their messages.
//   pk.mode=none          no key columns; the value's fields
//   pk.mode=kafka         __connect_topic, __connect_partition, __connect_offset (or the three
//                         pk.fields names) + the value's fields
//   pk.mode=record_key    a primitive key as the one pk.fields column, or the key struct's fields
//                         (all, or those in pk.fields) + the value's other fields
//   pk.mode=record_value  the value's fields (all, or those in pk.fields) as key + the rest
// A STRING value (StringConverter) becomes one column, string.output.value.column.name.
// fields.whitelist limits the non-key value fields. Column order: the Kafka coordinates, then the
// value's field order, then anything else (record key fields) by name.

import { ConnectException, OPTIONAL_STRING_SCHEMA, INT32_SCHEMA, INT64_SCHEMA, STRING_SCHEMA, type Schema, type SinkRecord, isPrimitiveType } from '@polyconnect/sdk';
import { DEFAULT_KAFKA_PK_NAMES, type SinkConfig } from './sink-config.js';

export interface SinkRecordField {
  readonly name: string;
  readonly schema: Schema;
  readonly isPrimaryKey: boolean;
}

/** SinkRecordField.isOptional: key columns never are. */
export function isOptionalField(field: SinkRecordField): boolean {
  return !field.isPrimaryKey && field.schema.optional;
}

export interface FieldsMetadata {
  readonly keyFieldNames: readonly string[];
  readonly nonKeyFieldNames: readonly string[];
  /** Every column, in table order. */
  readonly allFields: ReadonlyMap<string, SinkRecordField>;
}

type PkConfig = Pick<SinkConfig, 'pkMode' | 'pkFields' | 'fieldsWhitelist' | 'stringValueColumn'>;

export function extractFieldsMetadata(tableName: string, config: PkConfig, keySchema: Schema | null, valueSchema: Schema | null): FieldsMetadata {
  if (valueSchema !== null && valueSchema.type !== 'STRUCT' && valueSchema.type !== 'STRING') throw new ConnectException('Value schema must be of type Struct or String');
  const isStringValue = valueSchema !== null && valueSchema.type === 'STRING';
  const allFields = new Map<string, SinkRecordField>();
  const keyFieldNames: string[] = [];
  const addKey = (name: string, schema: Schema): void => {
    if (!keyFieldNames.includes(name)) keyFieldNames.push(name);
    allFields.set(name, { name, schema, isPrimaryKey: true });
  };
  switch (config.pkMode) {
    case 'none':
      break;
    case 'kafka': {
      let names: readonly string[];
      if (config.pkFields.length === 0) names = DEFAULT_KAFKA_PK_NAMES;
      else if (config.pkFields.length === 3) names = config.pkFields;
      else {
        throw new ConnectException(
          `PK mode for table '${tableName}' is KAFKA so there should either be no field names defined for defaults [${DEFAULT_KAFKA_PK_NAMES.join(', ')}] to be applicable, or exactly 3, defined fields are: [${config.pkFields.join(', ')}]`,
        );
      }
      addKey(names[0]!, STRING_SCHEMA);
      addKey(names[1]!, INT32_SCHEMA);
      addKey(names[2]!, INT64_SCHEMA);
      break;
    }
    case 'record_key': {
      if (keySchema === null) throw new ConnectException(`PK mode for table '${tableName}' is RECORD_KEY, but record key schema is missing`);
      if (isPrimitiveType(keySchema.type)) {
        if (config.pkFields.length !== 1) {
          throw new ConnectException(`Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: [${config.pkFields.join(', ')}]`);
        }
        addKey(config.pkFields[0]!, keySchema);
      } else if (keySchema.type === 'STRUCT') {
        const names = config.pkFields.length === 0 ? keySchema.fields.map((f) => f.name) : config.pkFields;
        for (const name of names) {
          const field = keySchema.field(name);
          if (field === undefined) {
            throw new ConnectException(
              `PK mode for table '${tableName}' is RECORD_KEY with configured PK fields [${config.pkFields.join(', ')}], but record key schema does not contain field: ${name}`,
            );
          }
          addKey(name, field.schema);
        }
      } else {
        throw new ConnectException(`Key schema must be primitive type or Struct, but is of type: ${keySchema.type}`);
      }
      break;
    }
    case 'record_value': {
      if (isStringValue) throw new ConnectException('pk.mode record_value is not supported with String value schemas');
      if (valueSchema === null) throw new ConnectException(`PK mode for table '${tableName}' is RECORD_VALUE, but record value schema is missing`);
      const names = config.pkFields.length === 0 ? valueSchema.fields.map((f) => f.name) : config.pkFields;
      for (const name of names) {
        const field = valueSchema.field(name);
        if (field === undefined) {
          throw new ConnectException(
            `PK mode for table '${tableName}' is RECORD_VALUE with configured PK fields [${config.pkFields.join(', ')}], but record value schema does not contain field: ${name}`,
          );
        }
        addKey(name, field.schema);
      }
      break;
    }
  }
  const nonKeyFieldNames: string[] = [];
  if (isStringValue) {
    if (keyFieldNames.includes(config.stringValueColumn)) {
      throw new ConnectException(`Configured string.output.value.column.name '${config.stringValueColumn}' conflicts with a primary key column for table '${tableName}'`);
    }
    nonKeyFieldNames.push(config.stringValueColumn);
    allFields.set(config.stringValueColumn, { name: config.stringValueColumn, schema: OPTIONAL_STRING_SCHEMA, isPrimaryKey: false });
  } else if (valueSchema !== null) {
    for (const field of valueSchema.fields) {
      if (keyFieldNames.includes(field.name)) continue;
      if (config.fieldsWhitelist.size > 0 && !config.fieldsWhitelist.has(field.name)) continue;
      nonKeyFieldNames.push(field.name);
      allFields.set(field.name, { name: field.name, schema: field.schema, isPrimaryKey: false });
    }
  }
  if (allFields.size === 0) throw new ConnectException(`No fields found using key and value schemas for table: ${tableName}`);
  const ordered = new Map<string, SinkRecordField>();
  for (const name of DEFAULT_KAFKA_PK_NAMES) if (allFields.has(name)) ordered.set(name, allFields.get(name)!);
  if (isStringValue) ordered.set(config.stringValueColumn, allFields.get(config.stringValueColumn)!);
  else if (valueSchema !== null) for (const field of valueSchema.fields) if (allFields.has(field.name)) ordered.set(field.name, allFields.get(field.name)!);
  for (const name of [...allFields.keys()].sort()) if (!ordered.has(name)) ordered.set(name, allFields.get(name)!);
  return { keyFieldNames, nonKeyFieldNames, allFields: ordered };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/** RecordValidator: what each pk.mode / delete.enabled combination requires of a record. */
export function validateRecord(record: SinkRecord, config: Pick<SinkConfig, 'pkMode' | 'deleteEnabled' | 'connectorName'>): void {
  const needsKey = config.pkMode === 'record_key' || config.deleteEnabled;
  const needsValue = config.pkMode === 'record_value' || config.pkMode === 'none' || !config.deleteEnabled;
  const where = `(topic='${record.topic}',partition=${record.kafkaPartition},offset=${record.kafkaOffset},timestamp=${record.timestamp ?? 'null'})`;
  const settings = `'delete.enabled=${config.deleteEnabled}' and 'pk.mode=${config.pkMode}'`;
  if (needsKey) {
    const schema = record.keySchema;
    if (record.key === null || record.key === undefined || schema === null || !(schema.type === 'STRUCT' || isPrimitiveType(schema.type))) {
      throw new ConnectException(
        `Sink connector '${config.connectorName}' is configured with ${settings} and therefore requires records with a non-null key and non-null Struct or primitive key schema, but found record at ${where} with a ${describeValue(record.key)} key and ${schema?.type ?? 'null'} key schema.`,
      );
    }
  }
  if (needsValue) {
    const schema = record.valueSchema;
    if (record.value === null || record.value === undefined || schema === null || !(schema.type === 'STRUCT' || schema.type === 'STRING')) {
      throw new ConnectException(
        `Sink connector '${config.connectorName}' is configured with ${settings} and therefore requires records with a non-null Struct or String value and non-null Struct or String schema, but found record at ${where} with a ${describeValue(record.value)} value and ${schema?.type ?? 'null'} value schema.`,
      );
    }
  }
}
