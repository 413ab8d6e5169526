// What a failed operation reports: the stage and class that failed, the error, and the record it
// failed on — the consumed bytes for sinks, the polled record for sources — which the log and
// dead letter queue reporters turn into a log line or a DLQ record with Kafka's context headers.

import type { Header, Schema } from '../data/index.js';

/** Kafka's Stage names, as they appear in logs and in the __connect.errors.stage header. */
export type Stage =
  | 'TASK_POLL'
  | 'TASK_PUT'
  | 'TRANSFORMATION'
  | 'KEY_CONVERTER'
  | 'VALUE_CONVERTER'
  | 'HEADER_CONVERTER'
  | 'KAFKA_PRODUCE'
  | 'KAFKA_CONSUME';

/** A record as consumed from Kafka, before conversion (what a sink DLQ record copies). */
export interface ConsumedRecordBytes {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number | null;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: ReadonlyArray<{ key: string; value: Buffer | null }>;
}

/** A record polled from a source task, before transforms and conversion. */
export interface PolledRecord {
  readonly topic: string;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly headers: readonly Header[];
  readonly sourcePartition: Readonly<Record<string, unknown>> | null;
  readonly sourceOffset: Readonly<Record<string, unknown>> | null;
  readonly timestamp: number | null;
}

export interface ErrorDescription {
  /** Java-style class name, e.g. org.apache.kafka.connect.errors.DataException. */
  readonly className: string;
  readonly message: string | null;
  readonly stackTrace: string;
}

export interface ProcessingFailure {
  readonly connector: string;
  readonly taskId: number;
  readonly stage: Stage;
  /** The class that was executing: the converter, the SMT ($Key/$Value included), or the task. */
  readonly executingClass: string;
  readonly error: ErrorDescription;
  readonly consumed?: ConsumedRecordBytes;
  readonly polled?: PolledRecord;
}

const CONNECT_ERRORS = 'org.apache.kafka.connect.errors.';

/** Describes a JavaScript error with the Java class name Kafka would have reported. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? error.name : error.constructor.name;
    const className = javaExceptionName(name);
    const stack = error.stack ?? `${className}: ${error.message}`;
    return { className, message: error.message === '' ? null : error.message, stackTrace: stack.startsWith(name) ? className + stack.slice(name.length) : stack };
  }
  return { className: 'java.lang.RuntimeException', message: String(error), stackTrace: `java.lang.RuntimeException: ${String(error)}` };
}

/** The Java exception class name Kafka would report for an error name a plugin or the worker uses. */
export function javaExceptionName(name: string): string {
  return JAVA_NAMES[name] ?? name;
}

const JAVA_NAMES: Record<string, string> = {
  ConnectException: `${CONNECT_ERRORS}ConnectException`,
  DataException: `${CONNECT_ERRORS}DataException`,
  RetriableException: `${CONNECT_ERRORS}RetriableException`,
  SchemaBuilderException: `${CONNECT_ERRORS}SchemaBuilderException`,
  ConfigException: 'org.apache.kafka.common.config.ConfigException',
  TypeError: 'java.lang.IllegalArgumentException',
  RangeError: 'java.lang.IllegalArgumentException',
};
