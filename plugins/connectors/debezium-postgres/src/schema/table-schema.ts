// A captured table's topic and Connect schemas, named and shaped as Debezium's TableSchemaBuilder
// and Envelope make them: topic and schema prefix "<topic.prefix>.<schema>.<table>"
// (DefaultTopicNamingStrategy, invalid characters replaced by "_"), key struct "<prefix>.Key" of
// the primary key columns (no key for a table without one), optional value struct
// "<prefix>.Value" of every mapped column, and "<prefix>.Envelope" (version 2) with the fields
// before, after, source, transaction, op, ts_ms, ts_us, ts_ns in that order.

import { type Schema, SchemaBuilder, Struct } from '@polyconnect/sdk';
import type { TupleValue } from '../pgoutput/pgoutput-decoder.js';
import { SOURCE_SCHEMA } from '../source-info.js';
import { type ColumnConverter, type ColumnDefinition, type ConverterSettings, columnConverter } from './value-converters.js';
import type { TypeRegistry } from './type-registry.js';

export interface TableId {
  readonly schema: string;
  readonly table: string;
}

export interface TableStructure {
  readonly id: TableId;
  /** Columns in table order. */
  readonly columns: readonly ColumnDefinition[];
  /** Primary key column names, in key order; empty for a table without a primary key. */
  readonly primaryKey: readonly string[];
}

/** Debezium's transaction block (SchemaFactory.transactionBlockSchema); null unless provide.transaction.metadata. */
export const TRANSACTION_BLOCK_SCHEMA = SchemaBuilder.struct()
  .optional()
  .name('event.block')
  .version(1)
  .field('id', SchemaBuilder.string().build())
  .field('total_order', SchemaBuilder.int64().build())
  .field('data_collection_order', SchemaBuilder.int64().build())
  .build();

/** Envelope.SCHEMA_VERSION in Debezium 3.x. */
const ENVELOPE_VERSION = 2;
/** Kafka's limit on topic names (AbstractTopicNamingStrategy.MAX_NAME_LENGTH). */
const MAX_TOPIC_LENGTH = 249;

/** "<prefix>.<schema>.<table>" with every character outside [a-zA-Z0-9._-] replaced by "_". */
export function topicName(prefix: string, id: TableId): string {
  const name = [prefix, id.schema, id.table].join('.').replace(/[^a-zA-Z0-9._-]/g, '_');
  return name.length > MAX_TOPIC_LENGTH ? name.slice(0, MAX_TOPIC_LENGTH) : name;
}

/** A value of one column while a row is assembled: a tuple value, or undefined when the change did not carry the column. */
export type CellValue = TupleValue | undefined;

export class TableSchema {
  readonly id: TableId;
  readonly topic: string;
  readonly keySchema: Schema | null;
  readonly valueSchema: Schema;
  readonly envelopeSchema: Schema;
  /** Mapped columns in value-field order. */
  readonly columns: readonly ColumnConverter[];
  readonly #keyColumns: readonly ColumnConverter[];
  readonly #positions: ReadonlyMap<string, number>;
  /** The structure the schemas were built from, to tell when a Relation message changes it. */
  readonly signature: string;

  constructor(prefix: string, structure: TableStructure, types: TypeRegistry, settings: ConverterSettings, onSkipped?: (column: ColumnDefinition) => void) {
    this.id = structure.id;
    this.topic = topicName(prefix, structure.id);
    this.signature = structureSignature(structure);
    const converters: ColumnConverter[] = [];
    for (const column of structure.columns) {
      const converter = columnConverter(column, types, settings);
      if (converter === undefined) onSkipped?.(column);
      else converters.push(converter);
    }
    this.columns = converters;
    this.#positions = new Map(structure.columns.map((column, index) => [column.name, index]));

    const keyBuilder = SchemaBuilder.struct().name(`${this.topic}.Key`);
    const keyColumns: ColumnConverter[] = [];
    for (const name of structure.primaryKey) {
      const converter = converters.find((candidate) => candidate.name === name);
      if (converter === undefined) continue;
      keyBuilder.field(name, converter.schema);
      keyColumns.push(converter);
    }
    this.#keyColumns = keyColumns;
    this.keySchema = keyColumns.length > 0 ? keyBuilder.build() : null;

    const valueBuilder = SchemaBuilder.struct().name(`${this.topic}.Value`).optional();
    for (const converter of converters) valueBuilder.field(converter.name, converter.schema);
    this.valueSchema = valueBuilder.build();

    this.envelopeSchema = SchemaBuilder.struct()
      .name(`${this.topic}.Envelope`)
      .version(ENVELOPE_VERSION)
      .field('before', this.valueSchema)
      .field('after', this.valueSchema)
      .field('source', SOURCE_SCHEMA)
      .field('transaction', TRANSACTION_BLOCK_SCHEMA)
      .field('op', SchemaBuilder.string().build())
      .field('ts_ms', SchemaBuilder.int64().optional().build())
      .field('ts_us', SchemaBuilder.int64().optional().build())
      .field('ts_ns', SchemaBuilder.int64().optional().build())
      .build();
  }

  /**
   * The value struct of a row given as cells in the order of the structure's columns. A cell the
   * change did not carry (a key-only old tuple) or a null in a required column gets Debezium's
   * fallback; an unchanged TOASTed value is taken from `previous` (the old row, when the change
   * carried one) or becomes the unavailable-value placeholder.
   */
  valueStruct(cells: readonly CellValue[], previous?: readonly CellValue[]): Struct {
    const struct = new Struct(this.valueSchema);
    for (const column of this.columns) {
      const position = this.#positions.get(column.name)!;
      let cell = cells[position];
      if (cell?.kind === 'unchanged-toast') {
        const old = previous?.[position];
        if (old?.kind === 'text') cell = old;
      }
      struct.put(column.name, this.#cellValue(column, cell));
    }
    return struct;
  }

  /** The key struct taken from a value struct, or null for a table without a primary key. */
  keyStruct(value: Struct): Struct | null {
    if (this.keySchema === null) return null;
    const key = new Struct(this.keySchema);
    for (const column of this.#keyColumns) key.put(column.name, value.getWithoutDefault(column.name));
    return key;
  }

  #cellValue(column: ColumnConverter, cell: CellValue): unknown {
    if (cell === undefined || cell.kind === 'null') return column.fallback;
    if (cell.kind === 'unchanged-toast') return column.unavailable;
    const text = cell.kind === 'text' ? cell.value : cell.value.toString('utf8');
    const value = column.convert(text);
    return value === null && !column.schema.optional ? column.fallback : value;
  }
}

/** A text that changes whenever the columns, their types or the key change. */
export function structureSignature(structure: TableStructure): string {
  const columns = structure.columns.map((column) => `${column.name}:${column.typeOid}:${column.typmod}:${column.optional ? 1 : 0}`);
  return `${columns.join(',')}|${structure.primaryKey.join(',')}`;
}
