// The tables pgoutput has described with Relation messages in this session, each with the
// TableSchema its changes are written with. A Relation message names the columns and their types;
// nullability and the primary key come from the catalog (as Debezium refreshes a table from the
// database when a Relation message shows a change). Relations of tables that are not captured are
// remembered too, so that their changes can be recognised and skipped.

import type { Logger } from '@polyconnect/sdk';
import type { RelationColumn } from '../pgoutput/pgoutput-decoder.js';
import { readColumns, readPrimaryKey } from '../schema/catalog.js';
import { TableSchema, type TableId, type TableStructure, structureSignature } from '../schema/table-schema.js';
import type { SqlRunner, TypeRegistry } from '../schema/type-registry.js';
import type { ColumnDefinition, ConverterSettings } from '../schema/value-converters.js';
import type { TableFilter } from '../table-filter.js';

export interface Relation {
  readonly id: TableId;
  readonly columns: readonly RelationColumn[];
  /** Undefined for a table that is not captured. */
  readonly schema: TableSchema | undefined;
}

export interface RelationCacheOptions {
  readonly topicPrefix: string;
  readonly sql: SqlRunner;
  readonly types: TypeRegistry;
  readonly settings: ConverterSettings;
  readonly filter: TableFilter;
  readonly log: Logger;
}

export class RelationCache {
  readonly #options: RelationCacheOptions;
  readonly #relations = new Map<number, Relation>();
  /** Schemas by table, reused while the structure stays the same (so records share schema objects). */
  readonly #schemas = new Map<string, TableSchema>();

  constructor(options: RelationCacheOptions) {
    this.#options = options;
  }

  get(relationId: number): Relation | undefined {
    return this.#relations.get(relationId);
  }

  /** Records a Relation message, building the table's schema when the table is captured. */
  async define(relationId: number, id: TableId, columns: readonly RelationColumn[]): Promise<Relation> {
    const { filter, sql, types, settings, topicPrefix, log } = this.#options;
    if (!filter.includes(id)) {
      const relation = { id, columns, schema: undefined };
      this.#relations.set(relationId, relation);
      return relation;
    }
    const [catalogColumns, catalogKey] = await Promise.all([readColumns(sql, relationId), readPrimaryKey(sql, relationId)]);
    const nullability = new Map(catalogColumns.map((column) => [column.name, column.optional]));
    const definitions: ColumnDefinition[] = columns.map((column) => ({
      name: column.name,
      typeOid: column.typeOid,
      typmod: column.typmod,
      optional: nullability.get(column.name) ?? true,
    }));
    // The catalog's primary key; if the table is gone already, the replica identity key the message marks.
    const primaryKey = catalogColumns.length > 0 ? catalogKey : columns.filter((column) => (column.flags & 1) !== 0).map((column) => column.name);
    const structure: TableStructure = { id, columns: definitions, primaryKey: primaryKey.filter((name) => definitions.some((column) => column.name === name)) };
    await types.ensure(definitions.map((column) => column.typeOid));
    const cacheKey = `${id.schema}.${id.table}`;
    let schema = this.#schemas.get(cacheKey);
    if (schema === undefined || schema.signature !== structureSignature(structure)) {
      schema = new TableSchema(topicPrefix, structure, types, settings, (column) =>
        log.warn('Column of an unsupported type is left out (include.unknown.datatypes=false)', { table: cacheKey, column: column.name, typeOid: column.typeOid }),
      );
      this.#schemas.set(cacheKey, schema);
    }
    const relation = { id, columns, schema };
    this.#relations.set(relationId, relation);
    return relation;
  }
}
