// JdbcSinkTask: writes each put batch in one transaction (Confluent's JdbcSinkTask over
// JdbcDbWriter). Offsets need no flush: a put returns only after its transaction committed.
//
// Failures:
// - a record that does not fit pk.mode / delete.enabled (RecordValidator), a schema the
//   configuration cannot map (no key fields for upsert, a STRUCT field, ...): ConnectException,
//   the task fails whatever errors.tolerance says (as in Confluent), nothing of the batch written;
// - a transient database error (lost or refused connection, server restart, serialization
//   failure, deadlock): the transaction is rolled back, the connection dropped, and after
//   retry.backoff.ms the put throws RetriableException so the worker delivers the same batch
//   again, at most max.retries times in a row; then the task fails;
// - any other database error, or a table that cannot be created or amended: the batch is rolled
//   back. With errors.tolerance=all the records are then written one by one (each under a
//   savepoint, all in one transaction) and those that fail go to the errant record reporter (and
//   the dead letter queue), as Confluent's unrollAndRetry does. Otherwise the task fails with a
//   message naming the first record that fails and the database's error; nothing of the batch
//   stays in the database.

import { ConnectException, type ConnectorConfig, RetriableException, type SinkRecord, SinkTask, log } from '@polyconnect/sdk';
import type pg from 'pg';
import { pgConnectionOptions } from '../connection-url.js';
import { ConnectionProvider, describeError, isTransient } from '../connection.js';
import { PLUGIN_VERSION } from '../version.js';
import { DbStructure, TableAlterOrCreateError } from './db-structure.js';
import { validateRecord } from './fields-metadata.js';
import { JdbcWriter } from './jdbc-writer.js';
import { type SinkConfig, parseSinkConfig } from './sink-config.js';

export class JdbcSinkTask extends SinkTask {
  static readonly className = 'io.confluent.connect.jdbc.sink.JdbcSinkTask';
  #config: SinkConfig | undefined;
  #connection: ConnectionProvider | undefined;
  #structure: DbStructure | undefined;
  #writer: JdbcWriter | undefined;
  #remainingRetries = 0;
  #stopped = false;
  #wake: (() => void) | undefined;

  version(): string {
    return PLUGIN_VERSION;
  }

  start(properties: ConnectorConfig): void {
    log.info('Starting JDBC Sink task');
    const config = parseSinkConfig(properties);
    this.#config = config;
    this.#connection = new ConnectionProvider({ connection: pgConnectionOptions(config.connection), attempts: config.connectionAttempts, backoffMs: config.connectionBackoffMs });
    this.#structure = new DbStructure(config);
    this.#writer = new JdbcWriter(config, this.#structure);
    this.#remainingRetries = config.maxRetries;
    this.#stopped = false;
  }

  async put(records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    const config = this.#config!;
    for (const record of records) validateRecord(record, config);
    let client: pg.Client | undefined;
    try {
      client = await this.#connection!.get();
      await this.#inTransaction(client, () => this.#writer!.write(client!, records));
      log.debug(`Successfully wrote ${records.length} records.`);
      this.#remainingRetries = config.maxRetries;
      return;
    } catch (error) {
      if (isTransient(error)) await this.#retry(error, records.length);
      // Problems with the records or the configuration rather than the database fail the task
      // whatever errors.tolerance says, as in Confluent (only SQL errors are unrolled there).
      else if (isRecordProblem(error)) throw error;
      else if (config.tolerateErrors && client !== undefined) await this.#unrollAndRetry(client, records, error);
      else await this.#failWithCulprit(client, records, error);
    }
  }

  async stop(): Promise<void> {
    log.info('Stopping task');
    this.#stopped = true;
    this.#wake?.();
    await this.#connection?.close();
  }

  /** BEGIN, work, COMMIT; on failure ROLLBACK (and forget table definitions the rollback may have undone). */
  async #inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
    await client.query('BEGIN');
    try {
      await work();
      await client.query('COMMIT');
    } catch (error) {
      this.#structure!.clear();
      try {
        await client.query('ROLLBACK');
      } catch {
        this.#connection!.invalidate();
      }
      throw error;
    }
  }

  async #retry(error: unknown, count: number): Promise<never> {
    this.#connection!.invalidate();
    const config = this.#config!;
    const message = `Write of ${count} records failed, remainingRetries=${this.#remainingRetries}: ${describeError(error)}`;
    if (this.#remainingRetries <= 0) {
      throw new ConnectException(`Failing task after exhausting retries (max.retries=${config.maxRetries}): ${describeError(error)}`, { cause: error });
    }
    this.#remainingRetries--;
    log.warn(message);
    await this.#sleep(config.retryBackoffMs);
    throw new RetriableException(message, { cause: error });
  }

  /** errors.tolerance=all: each record under its own savepoint; failures go to the errant record reporter. */
  async #unrollAndRetry(client: pg.Client, records: readonly SinkRecord[], cause: unknown): Promise<void> {
    log.warn(`Retrying write operation for ${records.length} records one by one after: ${describeError(cause)}`);
    try {
      await this.#inTransaction(client, async () => {
        for (const record of records) {
          await client.query('SAVEPOINT polyconnect_record');
          try {
            await this.#writer!.write(client, [record]);
            await client.query('RELEASE SAVEPOINT polyconnect_record');
          } catch (error) {
            if (isTransient(error) || isRecordProblem(error)) throw error;
            await client.query('ROLLBACK TO SAVEPOINT polyconnect_record');
            this.#structure!.clear();
            this.context.errantRecordReporter.report(record, this.#recordError(record, error));
          }
        }
      });
      this.#remainingRetries = this.#config!.maxRetries;
    } catch (error) {
      if (isTransient(error)) await this.#retry(error, records.length);
      throw error;
    }
  }

  /** Finds the first record that fails on its own, for the message; nothing is kept. */
  async #failWithCulprit(client: pg.Client | undefined, records: readonly SinkRecord[], cause: unknown): Promise<never> {
    if (client !== undefined) {
      let culprit: { record: SinkRecord; error: unknown } | undefined;
      try {
        await client.query('BEGIN');
        for (const record of records) {
          await client.query('SAVEPOINT polyconnect_record');
          try {
            await this.#writer!.write(client, [record]);
            await client.query('RELEASE SAVEPOINT polyconnect_record');
          } catch (error) {
            culprit = { record, error };
            break;
          }
        }
      } catch (error) {
        log.debug('Could not replay the batch to find the failing record', { error: describeError(error) });
      } finally {
        this.#structure!.clear();
        await client.query('ROLLBACK').catch(() => this.#connection!.invalidate());
      }
      if (culprit !== undefined) {
        throw new ConnectException(`${this.#recordError(culprit.record, culprit.error).message}. The whole batch of ${records.length} records was rolled back.`, { cause: culprit.error });
      }
    }
    const prefix = cause instanceof TableAlterOrCreateError ? '' : 'Write of the batch failed and was rolled back: ';
    throw new ConnectException(`${prefix}${describeError(cause)}`, { cause });
  }

  #recordError(record: SinkRecord, error: unknown): ConnectException {
    const table = this.#writer!.destinationTable(record.topic);
    const where = `record (topic='${record.topic}',partition=${record.kafkaPartition},offset=${record.kafkaOffset})`;
    return new ConnectException(`Could not write ${where} to table ${table.schema === null ? '' : `${table.schema}.`}${table.table}: ${describeError(error)}`, { cause: error });
  }

  #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** A ConnectException of our own (a record or config problem), as opposed to a database error or a table that cannot be made to fit. */
function isRecordProblem(error: unknown): boolean {
  return error instanceof ConnectException && !(error instanceof TableAlterOrCreateError);
}
