// The Kafka-backed stores against the real broker: KafkaBasedLog creates and checks compacted
// topics and reads them without a consumer group; the offset, status and config stores write
// Kafka Connect's records, other instances hear them in the background, a fresh instance rebuilds
// the same state; and records Kafka Connect 4.1.2 wrote (test/golden/stores) are read as Kafka reads them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Admin } from 'kafkajs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigException, ConnectException } from '../../src/data/index.js';
import type { LogRecord } from '../../src/kafka/compacted-log.js';
import { KafkaBasedLog } from '../../src/kafka/kafka-based-log.js';
import { createKafkaConnection, type KafkaConnection } from '../../src/kafka/kafka-client.js';
import { KafkaConfigStore, type ConfigChange } from '../../src/storage/kafka-config-store.js';
import { KafkaOffsetStore } from '../../src/storage/kafka-offset-store.js';
import { KafkaStatusStore } from '../../src/storage/kafka-status-store.js';
import { kafkaBrokers } from '../support/kafka.js';

const logger = pino({ level: 'silent' });
const unique = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('Kafka-backed stores on a real broker', () => {
  let connection: KafkaConnection;
  let admin: Admin;
  const toStop: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    connection = createKafkaConnection({ bootstrapServers: kafkaBrokers(), clientId: 'kafka-stores-test', logger });
    admin = connection.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.allSettled(toStop.map((s) => s.stop()));
    await admin?.disconnect();
  });

  const track = <T extends { stop(): Promise<void> }>(store: T): T => {
    toStop.push(store);
    return store;
  };

  function log(topic: string, partitions = 1, options: { replicationFactor?: number; configs?: Record<string, string> } = {}): KafkaBasedLog {
    return track(
      new KafkaBasedLog({
        connection,
        logger,
        topic: { topic, partitions, replicationFactor: options.replicationFactor ?? 1, configs: options.configs, topicConfigKey: 'test.storage.topic', purpose: 'test records' },
      }),
    );
  }

  /** Creates a topic and waits until its partitions have leaders (kafkajs's own wait gives up on a new KRaft topic). */
  async function createTopic(topic: string, numPartitions: number, cleanupPolicy: string): Promise<void> {
    await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: cleanupPolicy }] }], waitForLeaders: false });
    await eventually(async () => {
      const offsets = await admin.fetchTopicOffsets(topic);
      if (offsets.length !== numPartitions) throw new Error('not yet');
    });
  }

  async function cleanupPolicy(topic: string): Promise<string | undefined> {
    const described = await admin.describeConfigs({ resources: [{ type: 2, name: topic, configNames: ['cleanup.policy'] }], includeSynonyms: false });
    return described.resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue;
  }

  describe('KafkaBasedLog', () => {
    it('creates a missing topic compacted, with the partitions asked for', async () => {
      const topic = unique('kbl-create');
      await log(topic, 3, { configs: { 'cleanup.policy': 'delete', 'min.insync.replicas': '1' } }).start(() => undefined);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0]!.partitions).toHaveLength(3);
      expect(await cleanupPolicy(topic)).toBe('compact');
    });

    it('refuses an existing topic that is not compacted, with Kafka\'s message', async () => {
      for (const policy of ['delete', 'compact,delete']) {
        const topic = unique('kbl-delete');
        await createTopic(topic, 1, policy);
        const failure = log(topic).start(() => undefined);
        await expect(failure).rejects.toThrow(ConfigException);
        await expect(failure).rejects.toThrow(
          `Topic '${topic}' supplied via the 'test.storage.topic' property is required to have 'cleanup.policy=compact' to guarantee consistency and durability of test records, but found the topic currently has 'cleanup.policy=${policy}'.`,
        );
      }
    });

    it('uses an existing compacted topic as it is', async () => {
      const topic = unique('kbl-existing');
      await createTopic(topic, 2, 'compact');
      const existing = log(topic, 7);
      await existing.start(() => undefined);
      expect(existing.partitionCount()).toBe(2);
    });

    it('says clearly when the replication factor cannot be met', async () => {
      await expect(log(unique('kbl-rf'), 1, { replicationFactor: 3 }).start(() => undefined)).rejects.toThrow(
        /replication factor 3 is larger than the number of brokers in the Kafka cluster; lower the replication factor setting of 'test.storage.topic'/,
      );
    });

    it('reads to the end on start, tails in the background, and readToEnd waits for writes of others', async () => {
      const topic = unique('kbl-read');
      const writer = log(topic, 3);
      await writer.start(() => undefined);
      await writer.sendAll([
        { key: 'a', value: Buffer.from('1') },
        { key: 'b', value: Buffer.from('2') },
        { key: 'a', value: null },
      ]);
      const seen: LogRecord[] = [];
      const reader = log(topic, 3);
      await reader.start((record) => seen.push(record));
      expect(seen.map((r) => [r.key?.toString(), r.value?.toString() ?? null])).toEqual(expect.arrayContaining([['a', '1'], ['b', '2'], ['a', null]]));
      expect(seen).toHaveLength(3);

      // Background: no readToEnd needed.
      await writer.send('c', Buffer.from('3'));
      await eventually(() => expect(seen).toHaveLength(4));

      // readToEnd: everything written before the call has been handed over when it resolves.
      for (let i = 0; i < 20; i++) await writer.send(`k${i}`, Buffer.from(String(i)));
      await reader.readToEnd();
      expect(seen).toHaveLength(24);
    });

    it('puts records with the same key on one partition, in the order sent', async () => {
      const topic = unique('kbl-order');
      const writer = log(topic, 5);
      const seen: LogRecord[] = [];
      await writer.start((record) => seen.push(record));
      const written = await writer.sendAll(Array.from({ length: 10 }, (_, i) => ({ key: 'same', value: Buffer.from(String(i)) })));
      expect(new Set(written.map((w) => w.partition)).size).toBe(1);
      await writer.readToEnd();
      expect(seen.map((r) => r.value!.toString())).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(seen.map((r) => r.offset)).toEqual(written.map((w) => w.offset));
    });

    it('reads without joining a consumer group', async () => {
      const before = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
      const topic = unique('kbl-nogroup');
      await log(topic).start(() => undefined);
      const after = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !before.has(g));
      expect(after).toEqual([]);
    });

    it('stops cleanly, failing readToEnd calls that were waiting', async () => {
      const stopped = log(unique('kbl-stop'));
      await stopped.start(() => undefined);
      await stopped.stop();
      await expect(stopped.readToEnd()).rejects.toThrow(ConnectException);
      await expect(stopped.send('k', null)).rejects.toThrow(ConnectException);
      await stopped.stop();
    });
  });

  describe('KafkaOffsetStore', () => {
    it("writes offsets on Java's partition of 25; a second worker rebuilds them; tombstones remove them", async () => {
      const topic = unique('offsets');
      const options = { connection, topic, replicationFactor: 1, logger };
      const first = track(KafkaOffsetStore.create(options));
      await first.start();
      await first.write('local-file-source', [{ partition: { filename: 'input.txt' }, offset: { position: 18 } }]);
      await first.write('other', [
        { partition: { f: 'x' }, offset: { pos: 1 } },
        { partition: { f: 'y' }, offset: { pos: 2 } },
      ]);
      await first.write('other', [{ partition: { f: 'y' }, offset: null }]);
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets).toHaveLength(25);
      // test/golden/stores/offsets-topic.json: Kafka puts this key on partition 3.
      expect(Number(offsets.find((p) => p.partition === 3)!.high)).toBeGreaterThanOrEqual(1);
      expect(await cleanupPolicy(topic)).toBe('compact');

      const second = track(KafkaOffsetStore.create(options));
      await second.start();
      expect(second.offsets('local-file-source')).toEqual([{ partition: { filename: 'input.txt' }, offset: { position: 18 } }]);
      expect(second.offsets('other')).toEqual([{ partition: { f: 'x' }, offset: { pos: 1 } }]);

      await first.write('local-file-source', [{ partition: { filename: 'input.txt' }, offset: { position: 29 } }]);
      await second.refresh();
      expect(second.offsets('local-file-source')[0]!.offset).toEqual({ position: 29 });
    });

    it("reads the offsets Apache Kafka's FileStreamSourceTask committed through Kafka Connect", async () => {
      const golden = JSON.parse(readFileSync(new URL('../golden/stores/offsets-topic.json', import.meta.url), 'utf8')) as {
        fileStreamSource: { records: Array<{ key: string; value: string; partition: number }> };
      };
      const topic = unique('offsets-kafka');
      await createTopic(topic, 25, 'compact');
      const producer = connection.producer();
      await producer.connect();
      // Kafka Connect's records, on the partitions Kafka's producer chose for them.
      await producer.send({
        topic,
        acks: -1,
        messages: golden.fileStreamSource.records.map((r) => ({ key: Buffer.from(r.key, 'base64'), value: Buffer.from(r.value, 'base64'), partition: r.partition })),
      });
      await producer.disconnect();
      const store = track(KafkaOffsetStore.create({ connection, topic, replicationFactor: 1, logger }));
      await store.start();
      expect(store.offsets('local-file-source')).toEqual([{ partition: { filename: 'input.txt' }, offset: { position: 18 } }]);
    });
  });

  describe('KafkaStatusStore', () => {
    it("shows every worker's statuses on every worker, in the background, and rebuilds them on a fresh one", async () => {
      const topic = unique('status');
      const options = { connection, topic, replicationFactor: 1, logger };
      const a = track(KafkaStatusStore.create({ ...options, generation: 4 }));
      const b = track(KafkaStatusStore.create({ ...options, generation: 4 }));
      await Promise.all([a.start(), b.start()]);
      expect((await admin.fetchTopicOffsets(topic)).length).toBe(5);
      a.putConnector('c', { state: 'RUNNING', workerId: 'worker-a:8083' });
      a.putTask('c', 0, { state: 'RUNNING', workerId: 'worker-a:8083' });
      b.putTask('c', 1, { state: 'FAILED', workerId: 'worker-b:8083', trace: 'boom' });
      await eventually(() => {
        expect(b.task('c', 0)).toMatchObject({ state: 'RUNNING', workerId: 'worker-a:8083', generation: 4 });
        expect(a.task('c', 1)).toMatchObject({ state: 'FAILED', workerId: 'worker-b:8083', trace: 'boom' });
      });
      await Promise.all([a.flush(), b.flush()]);
      const fresh = track(KafkaStatusStore.create(options));
      await fresh.start();
      expect(fresh.connector('c')).toEqual({ state: 'RUNNING', workerId: 'worker-a:8083', generation: 4 });
      expect(fresh.tasks('c').map((t) => [t.id, t.state, t.workerId])).toEqual([
        [0, 'RUNNING', 'worker-a:8083'],
        [1, 'FAILED', 'worker-b:8083'],
      ]);
      a.removeConnector('c');
      await a.flush();
      await fresh.refresh();
      expect(fresh.connector('c')).toBeUndefined();
      expect(fresh.tasks('c')).toEqual([]);
    });
  });

  describe('KafkaConfigStore', () => {
    it("reaches another worker's listener in the background; a fresh worker rebuilds the same snapshot", async () => {
      const topic = unique('configs');
      const options = { connection, topic, replicationFactor: 1, logger };
      const leader = track(KafkaConfigStore.create(options));
      const follower = track(KafkaConfigStore.create(options));
      await Promise.all([leader.start(), follower.start()]);
      expect((await admin.fetchTopicOffsets(topic)).length).toBe(1);
      const heard: ConfigChange[] = [];
      follower.onChange((change) => heard.push(change));
      await leader.putConnectorConfig('c', { name: 'c', 'tasks.max': '2' }, 'PAUSED');
      await leader.putTaskConfigs('c', [{ n: '0' }, { n: '1' }]);
      await leader.putTargetState('c', 'STARTED');
      await eventually(() =>
        expect(heard).toEqual([
          { type: 'connector-config-update', connector: 'c' },
          {
            type: 'task-config-update',
            tasks: [
              { connector: 'c', task: 0 },
              { connector: 'c', task: 1 },
            ],
          },
          { type: 'target-state-change', connector: 'c' },
        ]),
      );
      const fresh = track(KafkaConfigStore.create(options));
      await fresh.start();
      await leader.refresh();
      expect(fresh.snapshot()).toEqual(leader.snapshot());
      expect(fresh.snapshot().taskConfigs.get('c')).toEqual([{ n: '0' }, { n: '1' }]);
      expect(fresh.snapshot().targetStates.get('c')).toBe('STARTED');
    });

    it('refuses a config topic with more than one partition', async () => {
      const topic = unique('configs-multi');
      await createTopic(topic, 2, 'compact');
      await expect(track(KafkaConfigStore.create({ connection, topic, replicationFactor: 1, logger })).start()).rejects.toThrow(
        `Topic '${topic}' supplied via the 'config.storage.topic' property is required to have a single partition in order to guarantee consistency of connector configurations, but found 2 partitions.`,
      );
    });

    it('reads the config records Kafka Connect 4.1.2 wrote as Kafka reads them', async () => {
      const golden = JSON.parse(readFileSync(new URL('../golden/stores/config-topic.json', import.meta.url), 'utf8')) as {
        writes: Array<{ records: Array<{ key: string; value: string | null }> }>;
        reads: Array<{ name: string; steps: Array<{ snapshot: { connectors: Record<string, { config: Record<string, string | null>; targetState: string; tasks: Array<{ config: Record<string, string> }> }> } }> }>;
      };
      const topic = unique('configs-kafka');
      const producer = connection.producer();
      await producer.connect();
      await createTopic(topic, 1, 'compact');
      await producer.send({
        topic,
        acks: -1,
        messages: golden.writes.flatMap((w) => w.records.map((r) => ({ key: r.key, value: r.value === null ? null : Buffer.from(r.value, 'base64') }))),
      });
      await producer.disconnect();
      const store = track(KafkaConfigStore.create({ connection, topic, replicationFactor: 1, logger }));
      await store.start();
      const kafkaView = golden.reads.find((r) => r.name === 'rebuild-from-writes')!.steps[0]!.snapshot.connectors;
      const snapshot = store.snapshot();
      expect([...snapshot.connectors.keys()].sort()).toEqual(Object.keys(kafkaView).sort());
      for (const [name, view] of Object.entries(kafkaView)) {
        const withoutNulls = Object.fromEntries(Object.entries(view.config).filter(([, v]) => v !== null));
        expect(snapshot.connectors.get(name)).toEqual(withoutNulls);
        expect(snapshot.targetStates.get(name)).toBe(view.targetState);
        expect(snapshot.taskConfigs.get(name) ?? []).toEqual(view.tasks.map((t) => t.config));
      }
      expect(snapshot.sessionKey?.algorithm).toBe('HmacSHA256');
    });
  });
});
