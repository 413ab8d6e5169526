// The dead letter queue reporter. For sinks, as Kafka's: the record's original key and value
// bytes and headers go to errors.deadletterqueue.topic.name (created with one partition and the
// configured replication factor when missing), with the __connect.errors.* context headers when
// errors.deadletterqueue.context.headers.enable is set. For sources — a Polyconnect extension,
// since Kafka has no source DLQ — the failed record has no bytes yet: its key and value are
// written as JsonConverter envelopes (schema and payload) when they carry a schema, as schemaless
// JSON otherwise, and the context headers add the record's source partition and offset.

import type { Logger } from 'pino';
import { createConverter } from '../converters/index.js';
import type { Converter } from '../converters/converter.js';
import type { Schema } from '../data/index.js';
import type { ProducerRecord, RecordProducer } from '../kafka/record-producer.js';
import type { TopicAdmin } from '../kafka/topic-admin.js';
import type { PolledRecord, ProcessingFailure } from './processing-context.js';
import type { ErrorReporter } from './retry-with-tolerance-operator.js';

export const ERROR_HEADER_PREFIX = '__connect.errors.';

export interface DeadLetterQueueOptions {
  readonly topic: string;
  readonly replicationFactor: number;
  readonly contextHeaders: boolean;
  readonly producer: RecordProducer;
  readonly admin: TopicAdmin;
  readonly logger: Logger;
}

export class DeadLetterQueueReporter implements ErrorReporter {
  readonly #options: DeadLetterQueueOptions;
  #ready: Promise<void> | undefined;
  #sourceConverters: { schemas: Converter; plain: Converter } | undefined;

  constructor(options: DeadLetterQueueOptions) {
    this.#options = options;
  }

  /** Creates the topic if needed and connects the producer; called before the task runs. */
  start(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#options.admin.ensureTopic(this.#options.topic, 1, this.#options.replicationFactor);
      await this.#options.producer.connect();
    })();
    return this.#ready;
  }

  async report(failure: ProcessingFailure): Promise<void> {
    await this.start();
    const record = failure.consumed !== undefined ? this.#fromConsumed(failure) : failure.polled !== undefined ? this.#fromPolled(failure, failure.polled) : undefined;
    if (record === undefined) return;
    await this.#options.producer.send([record]);
  }

  async stop(): Promise<void> {
    if (this.#ready === undefined) return;
    await this.#ready.catch(() => undefined);
    await this.#options.producer.disconnect().catch(() => undefined);
  }

  #fromConsumed(failure: ProcessingFailure): ProducerRecord {
    const consumed = failure.consumed!;
    const headers = [...consumed.headers];
    if (this.#options.contextHeaders) {
      headers.push(
        header('topic', consumed.topic),
        header('partition', String(consumed.partition)),
        header('offset', String(consumed.offset)),
        ...this.#errorHeaders(failure),
      );
    }
    return { topic: this.#options.topic, partition: null, key: consumed.key, value: consumed.value, timestamp: consumed.timestamp, headers };
  }

  #fromPolled(failure: ProcessingFailure, polled: PolledRecord): ProducerRecord {
    const headers: Array<{ key: string; value: Buffer | null }> = [];
    if (this.#options.contextHeaders) {
      headers.push(
        header('topic', polled.topic),
        header('source.partition', JSON.stringify(polled.sourcePartition)),
        header('source.offset', JSON.stringify(polled.sourceOffset)),
        ...this.#errorHeaders(failure),
      );
    }
    return {
      topic: this.#options.topic,
      partition: null,
      key: this.#asJson(polled.keySchema, polled.key, true),
      value: this.#asJson(polled.valueSchema, polled.value, false),
      timestamp: polled.timestamp,
      headers,
    };
  }

  #errorHeaders(failure: ProcessingFailure): Array<{ key: string; value: Buffer | null }> {
    return [
      header('connector.name', failure.connector),
      header('task.id', String(failure.taskId)),
      header('stage', failure.stage),
      header('class.name', failure.executingClass),
      header('exception.class.name', failure.error.className),
      { key: `${ERROR_HEADER_PREFIX}exception.message`, value: failure.error.message === null ? null : Buffer.from(failure.error.message, 'utf8') },
      header('exception.stacktrace', failure.error.stackTrace),
    ];
  }

  /** The polled key or value as JSON: an envelope when it has a schema, plain otherwise, text as a last resort. */
  #asJson(schema: Schema | null, value: unknown, isKey: boolean): Buffer | null {
    if (value === null || value === undefined) return null;
    this.#sourceConverters ??= {
      schemas: createConverter('org.apache.kafka.connect.json.JsonConverter', { 'schemas.enable': 'true' }, isKey),
      plain: createConverter('org.apache.kafka.connect.json.JsonConverter', { 'schemas.enable': 'false' }, isKey),
    };
    try {
      return schema === null ? this.#sourceConverters.plain.fromConnectData(this.#options.topic, null, value) : this.#sourceConverters.schemas.fromConnectData(this.#options.topic, schema, value);
    } catch {
      return Buffer.from(String(value), 'utf8');
    }
  }
}

function header(name: string, value: string): { key: string; value: Buffer } {
  return { key: `${ERROR_HEADER_PREFIX}${name}`, value: Buffer.from(value, 'utf8') };
}
