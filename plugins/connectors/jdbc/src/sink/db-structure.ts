// Creates and amends destination tables as Confluent's DbStructure does: a missing table is
// created when auto.create is on; fields missing from an existing table are added when
// auto.evolve is on and they are optional or have a default; everything else is a
// TableAlterOrCreateError with Confluent's message. Column names match case-insensitively as a
// fallback. Unlike Confluent, whose DDL commits the open transaction, DDL here runs inside the
// put's transaction (PostgreSQL's DDL is transactional) under a savepoint, so a batch that rolls
// back takes its CREATE/ALTER with it, and a CREATE that lost a race with another task falls back
// to amending the table that task created.

import { ConnectException, log } from '@polyconnect/sdk';
import type pg from 'pg';
import { type TableDescription, describeTable } from '../catalog.js';
import { type TableId, tableSql, unquotedName } from '../identifiers.js';
import { type FieldsMetadata, type SinkRecordField, isOptionalField } from './fields-metadata.js';
import type { SinkConfig } from './sink-config.js';
import { type Zones, alterTableSql, createTableSql } from './sql.js';

/** Confluent's TableAlterOrCreateException: the table cannot take the records as configured. */
export class TableAlterOrCreateError extends ConnectException {}

const RELKIND_TYPES: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'VIEW', f: 'TABLE' };

export class DbStructure {
  readonly #definitions = new Map<string, TableDescription>();
  readonly #config: SinkConfig;
  readonly #zones: Zones;

  constructor(config: SinkConfig) {
    this.#config = config;
    this.#zones = { zone: config.zone, dateZone: config.dateZone };
  }

  /** Forgets what it knows (after a rollback, which may have undone a CREATE or ALTER). */
  clear(): void {
    this.#definitions.clear();
  }

  async definition(client: pg.Client, table: TableId): Promise<TableDescription | undefined> {
    const key = unquotedName(table);
    const known = this.#definitions.get(key);
    if (known !== undefined) return known;
    const found = await describeTable(client, table);
    if (found !== undefined) this.#definitions.set(key, found);
    return found;
  }

  async #refresh(client: pg.Client, table: TableId): Promise<TableDescription | undefined> {
    this.#definitions.delete(unquotedName(table));
    return this.definition(client, table);
  }

  async createOrAmendIfNecessary(client: pg.Client, table: TableId, fields: FieldsMetadata): Promise<void> {
    const name = unquotedName(table);
    if ((await this.definition(client, table)) === undefined) {
      if (!this.#config.autoCreate) throw new TableAlterOrCreateError(`Table ${quoted(table)} is missing and auto-creation is disabled`);
      const sql = createTableSql(table, [...fields.allFields.values()], this.#config.quote, this.#zones);
      log.info(`Creating table with sql: ${sql}`);
      try {
        await withSavepoint(client, () => client.query(sql));
      } catch (error) {
        log.warn('Create failed, will attempt amend if table already exists', { table: name, error: (error as Error).message });
        if ((await this.#refresh(client, table)) === undefined) throw error;
      }
      await this.#refresh(client, table);
    }
    await this.#amendIfNecessary(client, table, fields, this.#config.maxRetries);
  }

  async #amendIfNecessary(client: pg.Client, table: TableId, fields: FieldsMetadata, retries: number): Promise<void> {
    const definition = (await this.definition(client, table))!;
    const missing = missingFields([...fields.allFields.values()], definition.columns.map((c) => c.name));
    if (missing.length === 0) return;
    const type = RELKIND_TYPES[definition.kind] ?? 'TABLE';
    const names = missing.map((f) => f.name).join(', ');
    if (type !== 'TABLE') throw new TableAlterOrCreateError(`View ${quoted(table)} is missing fields (${names}) and ALTER VIEW is unsupported`);
    for (const field of missing) {
      if (!isOptionalField(field) && (field.schema.defaultValue === undefined || field.schema.defaultValue === null)) {
        throw new TableAlterOrCreateError(`Cannot ALTER TABLE ${quoted(table)} to add missing field ${field.name}, as the field is not optional and does not have a default value`);
      }
    }
    if (!this.#config.autoEvolve) throw new TableAlterOrCreateError(`Table ${quoted(table)} is missing fields (${names}) and auto-evolution is disabled`);
    const sql = alterTableSql(table, missing, this.#config.quote, this.#zones);
    log.info(`Amending TABLE to add missing fields:[${names}] maxRetries:${retries} with SQL: ${sql}`);
    try {
      await withSavepoint(client, () => client.query(sql));
    } catch (error) {
      if (retries <= 0) throw new TableAlterOrCreateError(`Failed to amend TABLE '${quoted(table)}' to add missing fields: [${names}]: ${(error as Error).message}`, { cause: error });
      log.warn('Amend failed, re-attempting', { error: (error as Error).message });
      await this.#refresh(client, table);
      await this.#amendIfNecessary(client, table, fields, retries - 1);
      return;
    }
    await this.#refresh(client, table);
  }
}

function quoted(table: TableId): string {
  return tableSql(table);
}

/** Fields without a column of the same name, exactly or else case-insensitively. */
export function missingFields(fields: readonly SinkRecordField[], columns: readonly string[]): SinkRecordField[] {
  const exact = new Set(columns);
  const lower = new Set(columns.map((c) => c.toLowerCase()));
  return fields.filter((f) => !exact.has(f.name) && !lower.has(f.name.toLowerCase()));
}

/** Runs a statement so that its failure does not abort the surrounding transaction. */
export async function withSavepoint<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT polyconnect_ddl');
  try {
    const result = await work();
    await client.query('RELEASE SAVEPOINT polyconnect_ddl');
    return result;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT polyconnect_ddl');
    throw error;
  }
}
