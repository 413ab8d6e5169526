// Kafka as the conformance pipelines see it: topics made up front (one partition, no retention, so
// that the sequence's 2023 timestamps are never aged out mid-run), how many records a topic holds,
// and reading a whole topic back.

import kafkajs from 'kafkajs';
import { kafkaBrokers } from '../../support/kafka.js';

export interface TopicMessage {
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

function kafka(): kafkajs.Kafka {
  return new kafkajs.Kafka({ clientId: 'conformance-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
}

export async function createTopics(topics: readonly string[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Holds one admin connection for repeated end-offset queries. */
export class TopicWatcher {
  readonly #admin = kafka().admin();

  async connect(): Promise<void> {
    await this.#admin.connect();
  }

  /** Records in the topic (its single partition's high watermark). */
  async count(topic: string): Promise<number> {
    const offsets = await this.#admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high), 0);
  }

  async disconnect(): Promise<void> {
    await this.#admin.disconnect();
  }
}

/** Every record of a one-partition topic, from offset 0, once `count` have been read. */
export async function readTopic(topic: string, count: number, timeoutMs = 60_000): Promise<TopicMessage[]> {
  const consumer = kafka().consumer({ groupId: `conformance-reader-${topic}-${Date.now()}`, maxBytes: 64 * 1024 * 1024 });
  const messages: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${count} records read from ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(message.headers ?? {})) headers[key] = String(value);
          messages.push({ offset: Number(message.offset), key: message.key, value: message.value, headers });
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.offset - b.offset);
}
