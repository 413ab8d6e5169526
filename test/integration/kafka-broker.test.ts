// Proves the shared test broker (test/support/global-setup.ts + scripts/kafka) is a working Kafka:
// kafkajs creates a topic, produces three records and reads them back through a consumer group.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBrokers } from '../support/kafka.js';

describe('test Kafka broker', () => {
  const kafka = new Kafka({ clientId: 'kafka-broker-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(async () => {
    admin = kafka.admin();
    producer = kafka.producer();
    consumer = kafka.consumer({ groupId: `kafka-broker-test-${randomUUID()}` });
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
  });

  afterAll(async () => {
    await Promise.allSettled([consumer?.disconnect(), producer?.disconnect(), admin?.disconnect()]);
  });

  it('creates a topic, produces three records and consumes them back in order', async () => {
    const topic = `broker-test-${randomUUID()}`;
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    expect(created).toBe(true);
    expect(await admin.listTopics()).toContain(topic);

    const sent = [1, 2, 3].map((n) => ({ key: `k${n}`, value: `value ${n}`, headers: { n: String(n) } }));
    await producer.send({ topic, messages: sent });

    const received: { key: string; value: string; header: string; offset: string }[] = [];
    let done!: () => void;
    const allThree = new Promise<void>((resolve) => (done = resolve));
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          header: message.headers?.['n']?.toString() ?? '',
          offset: message.offset,
        });
        if (received.length === 3) done();
      },
    });
    await allThree;

    expect(received).toEqual([
      { key: 'k1', value: 'value 1', header: '1', offset: '0' },
      { key: 'k2', value: 'value 2', header: '2', offset: '1' },
      { key: 'k3', value: 'value 3', header: '3', offset: '2' },
    ]);
  });
});
