// RecordProducer: sends converted records (bytes) to Kafka in batches and reports where each one
// landed. Source tasks use one each, as Kafka Connect's task producers (acks=all, no idempotence,
// one request in flight, Java-compatible murmur2 partitioning for keyed records).

import kafkajs from 'kafkajs';
import type { IHeaders, Message, Producer } from 'kafkajs';
import type { KafkaConnection } from './kafka-client.js';

const { Partitioners } = kafkajs;

export interface ProducerRecord {
  topic: string;
  /** null lets the partitioner choose. */
  partition: number | null;
  key: Buffer | null;
  value: Buffer | null;
  /** Epoch ms; null means "now" (the producer's time). */
  timestamp: number | null;
  headers: ReadonlyArray<{ key: string; value: Buffer | null }>;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** The offset of the batch's first record in this partition, when the broker reports it. */
  baseOffset: number | undefined;
}

export interface RecordProducer {
  connect(): Promise<void>;
  /** Sends the records in order and resolves once the brokers acknowledged all of them. */
  send(records: readonly ProducerRecord[]): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

export function createRecordProducer(connection: KafkaConnection): RecordProducer {
  const producer: Producer = connection.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: false,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async send(records) {
      const metadata: RecordMetadata[] = [];
      // One request at a time, each at most MAX_REQUEST_BYTES (Java's max.request.size), so a
      // batch never becomes a record batch larger than the broker's message.max.bytes.
      for (const chunk of chunksBySize(records, MAX_REQUEST_BYTES)) {
        const byTopic = new Map<string, Message[]>();
        for (const record of chunk) {
          let messages = byTopic.get(record.topic);
          if (messages === undefined) byTopic.set(record.topic, (messages = []));
          messages.push(toMessage(record));
        }
        const results = await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
        for (const result of results) {
          metadata.push({ topic: result.topicName, partition: result.partition, baseOffset: result.baseOffset === undefined ? undefined : Number(result.baseOffset) });
        }
      }
      return metadata;
    },
  };
}

/** Kafka's default max.request.size; also below the broker's default message.max.bytes. */
const MAX_REQUEST_BYTES = 1_048_576;
/** Per-record overhead in a record batch (varints, attributes, header framing), rounded up. */
const RECORD_OVERHEAD_BYTES = 70;

function* chunksBySize(records: readonly ProducerRecord[], maxBytes: number): Generator<readonly ProducerRecord[]> {
  let start = 0;
  let size = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    let recordSize = RECORD_OVERHEAD_BYTES + (record.key?.length ?? 0) + (record.value?.length ?? 0);
    for (const header of record.headers) recordSize += header.key.length + (header.value?.length ?? 0) + 8;
    if (i > start && size + recordSize > maxBytes) {
      yield records.slice(start, i);
      start = i;
      size = 0;
    }
    size += recordSize;
  }
  if (start < records.length) yield start === 0 ? records : records.slice(start);
}

function toMessage(record: ProducerRecord): Message {
  const message: Message = { key: record.key, value: record.value };
  if (record.partition !== null) message.partition = record.partition;
  if (record.timestamp !== null) message.timestamp = String(record.timestamp);
  if (record.headers.length > 0) {
    const headers: IHeaders = {};
    for (const header of record.headers) {
      const value = header.value ?? undefined;
      const existing = headers[header.key];
      if (existing === undefined) headers[header.key] = value;
      else headers[header.key] = Array.isArray(existing) ? [...existing, value as Buffer] : [existing as Buffer, value as Buffer];
    }
    message.headers = headers;
  }
  return message;
}
