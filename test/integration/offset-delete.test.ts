// OffsetDelete (src/kafka/offset-delete.ts) against the real broker: it removes one partition's
// committed offset and leaves the others, reports a group that does not exist as nothing to
// delete, and fails with GROUP_SUBSCRIBED_TO_TOPIC while a member consumes the topic.

import kafkajs from 'kafkajs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaConnection, type KafkaConnection } from '../../src/kafka/kafka-client.js';
import { deleteGroupOffsets } from '../../src/kafka/offset-delete.js';
import { kafkaBrokers } from '../support/kafka.js';

const stamp = Date.now();
const topic = `offset-delete-int-${stamp}`;

describe('OffsetDelete against the broker', () => {
  let connection: KafkaConnection;
  const kafka = new kafkajs.Kafka({ clientId: 'offset-delete-int', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();

  async function committed(groupId: string): Promise<Record<number, number>> {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries((entry?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  }

  beforeAll(async () => {
    connection = createKafkaConnection({ bootstrapServers: kafkaBrokers(), clientId: 'offset-delete-int', logger: pino({ level: 'silent' }) });
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await admin.disconnect();
  });

  it('deletes the given partitions of an empty group and keeps the rest', async () => {
    const groupId = `odel-empty-${stamp}`;
    await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: String(10 + partition) })) });
    expect(await deleteGroupOffsets(connection, groupId, [{ topic, partition: 0 }, { topic, partition: 2 }])).toBe('deleted');
    expect(await committed(groupId)).toEqual({ 0: -1, 1: 11, 2: -1 });
  });

  it('answers group-not-found for a group that does not exist', async () => {
    expect(await deleteGroupOffsets(connection, `odel-none-${stamp}`, [{ topic, partition: 0 }])).toBe('group-not-found');
  });

  it('fails with GROUP_SUBSCRIBED_TO_TOPIC while a member consumes the topic', async () => {
    const groupId = `odel-busy-${stamp}`;
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      let joined!: () => void;
      const hasJoined = new Promise<void>((resolve) => (joined = resolve));
      consumer.on(consumer.events.GROUP_JOIN, () => joined());
      await consumer.run({ eachMessage: async () => undefined });
      await hasJoined;
      await expect(deleteGroupOffsets(connection, groupId, [{ topic, partition: 1 }])).rejects.toMatchObject({ type: 'GROUP_SUBSCRIBED_TO_TOPIC' });
    } finally {
      await consumer.disconnect();
    }
  });
});
