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
      const byTopic = new Map<string, Message[]>();
      for (const record of records) {
        let messages = byTopic.get(record.topic);
        if (messages === undefined) byTopic.set(record.topic, (messages = []));
        messages.push(toMessage(record));
      }
      const results = await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      return results.map((result) => ({ topic: result.topicName, partition: result.partition, baseOffset: result.baseOffset === undefined ? undefined : Number(result.baseOffset) }));
    },
  };
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
