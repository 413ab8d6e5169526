// Change events in Debezium's envelope (io.debezium.data.Envelope): op r/c/u/d/t, before and
// after images, the source block, ts_ms/ts_us/ts_ns of when the connector processed the event,
// and transaction (null: provide.transaction.metadata is not supported). A delete is followed by
// a tombstone (same key, null value, same headers) unless tombstones.on.delete=false
// (RelationalChangeRecordEmitter.emitDeleteRecord, EventDispatcher's tombstone).

import { type Header, type SourceMap, type SourceRecord, Struct } from '@polyconnect/sdk';
import { int64Value } from './schema/pg-text.js';
import type { TableSchema } from './schema/table-schema.js';

export type Operation = 'r' | 'c' | 'u' | 'd' | 't';

export interface ChangeEvent {
  readonly table: TableSchema;
  readonly op: Operation;
  readonly before: Struct | null;
  readonly after: Struct | null;
  readonly source: Struct;
  readonly partition: SourceMap;
  readonly offset: SourceMap;
  /** When the connector processed the event (Envelope's ts_ms); now by default. */
  readonly nowMillis?: number;
  /** Headers of the change and its tombstone (a primary key change's __debezium.oldkey / __debezium.newkey). */
  readonly headers?: readonly Header[];
}

export interface EnvelopeOptions {
  readonly tombstonesOnDelete: boolean;
}

/** The envelope struct of an event. */
export function envelopeStruct(event: ChangeEvent): Struct {
  const now = event.nowMillis ?? Date.now();
  const envelope = new Struct(event.table.envelopeSchema)
    .put('op', event.op)
    .put('source', event.source)
    .put('ts_ms', now)
    .put('ts_us', int64Value(BigInt(now) * 1000n))
    .put('ts_ns', int64Value(BigInt(now) * 1_000_000n));
  if (event.before !== null) envelope.put('before', event.before);
  if (event.after !== null) envelope.put('after', event.after);
  return envelope;
}

/** The records of one event: the change itself, and for a delete its tombstone. */
export function changeRecords(event: ChangeEvent, options: EnvelopeOptions): SourceRecord[] {
  const table = event.table;
  const image = event.after ?? event.before;
  const key = event.op === 't' || image === null ? null : table.keyStruct(image);
  const record: SourceRecord = {
    topic: table.topic,
    keySchema: event.op === 't' ? null : table.keySchema,
    key,
    valueSchema: table.envelopeSchema,
    value: envelopeStruct(event),
    sourcePartition: event.partition,
    sourceOffset: event.offset,
    ...(event.headers === undefined ? {} : { headers: event.headers }),
  };
  if (event.op !== 'd' || !options.tombstonesOnDelete) return [record];
  const tombstone: SourceRecord = {
    topic: table.topic,
    keySchema: table.keySchema,
    key,
    valueSchema: null,
    value: null,
    sourcePartition: event.partition,
    sourceOffset: event.offset,
    ...(event.headers === undefined ? {} : { headers: event.headers }),
  };
  return [record, tombstone];
}
