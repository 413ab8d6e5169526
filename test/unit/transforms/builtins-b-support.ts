// Records and transforms for the unit tests of the SMTs in src/transforms/builtins-b.ts.

import { expect } from 'vitest';
import type { Header, Schema } from '../../../src/data/index.js';
import { BUILTIN_TRANSFORMATIONS_B } from '../../../src/transforms/builtins-b.js';
import type { ConnectRecord, Transformation } from '../../../src/transforms/transformation.js';

export const HEADER: Header = { key: 'trace', schema: null, value: 'abc' };

interface RecordParts {
  topic?: string;
  kafkaPartition?: number | null;
  keySchema?: Schema | null;
  key?: unknown;
  valueSchema?: Schema | null;
  value?: unknown;
  timestamp?: number | null;
  headers?: readonly Header[];
}

/** A source record (it carries a source partition and offset, and no Kafka offset). */
export function sourceRecord(parts: RecordParts = {}): ConnectRecord & { sourcePartition: unknown; sourceOffset: unknown } {
  return {
    topic: 'orders',
    kafkaPartition: 3,
    keySchema: null,
    key: null,
    valueSchema: null,
    value: null,
    timestamp: 1_709_211_909_007,
    headers: [HEADER],
    sourcePartition: { file: 'in.txt' },
    sourceOffset: { position: 7 },
    ...parts,
  };
}

/** A sink record, with its Kafka offset and original coordinates. */
export function sinkRecord(parts: RecordParts = {}): ConnectRecord & { kafkaOffset: number; originalTopic: string } {
  return {
    topic: 'orders',
    kafkaPartition: 3,
    keySchema: null,
    key: null,
    valueSchema: null,
    value: null,
    timestamp: 1_709_211_909_007,
    headers: [HEADER],
    kafkaOffset: 42,
    timestampType: 'CREATE_TIME',
    originalTopic: 'orders',
    originalKafkaPartition: 3,
    originalKafkaOffset: 42,
    ...parts,
  } as ConnectRecord & { kafkaOffset: number; originalTopic: string };
}

/** The built-in registered under `org.apache.kafka.connect.transforms.<simpleName>`, configured. */
export function configured(simpleName: string, config: Record<string, string>): Transformation {
  const entry = BUILTIN_TRANSFORMATIONS_B.find((candidate) => candidate.className === `org.apache.kafka.connect.transforms.${simpleName}`);
  if (entry === undefined) throw new Error(`${simpleName} is not registered`);
  const transformation = entry.create();
  transformation.configure(config);
  return transformation;
}

/** apply() of a transform that must not drop the record. */
export function applied<R extends ConnectRecord>(transformation: Transformation, record: R): R {
  const result = transformation.apply(record);
  if (result === null) throw new Error('the transform dropped the record');
  return result as R;
}

/** The error `action` throws; fails the test when it does not throw. */
export function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** Checks the class (by instanceof, or by Java class name for Java's exceptions) and the exact message. */
export function expectError(action: () => unknown, type: (abstract new (...args: never[]) => Error) | string, message: string): void {
  const error = thrownBy(action);
  if (typeof type === 'string') expect(error.name).toBe(type);
  else expect(error).toBeInstanceOf(type);
  expect(error.message).toBe(message);
}
