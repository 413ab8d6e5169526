// KafkaConfigStore over an in-memory log: the herder's writes, Kafka's record order and bytes,
// task configs visible only once committed, other workers hearing every change, a fresh worker
// rebuilding the same state (also after compaction), and the one-partition rule.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigException } from '../../../src/data/index.js';
import { MemoryCompactedLog, MemoryTopic } from '../../../src/kafka/memory-compacted-log.js';
import { KafkaConfigStore, type ConfigChange } from '../../../src/storage/kafka-config-store.js';

const silent = pino({ level: 'silent' });

async function started(topic: MemoryTopic): Promise<KafkaConfigStore> {
  const store = new KafkaConfigStore({ log: new MemoryCompactedLog(topic), logger: silent });
  await store.start();
  return store;
}

const fileSource = { name: 'local-file-source', 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: 'test.txt', topic: 'connect-test' };

describe('KafkaConfigStore', () => {
  it("writes a connector's config and initial state in Kafka's order and bytes", async () => {
    const topic = new MemoryTopic('connect-configs');
    const store = await started(topic);
    await store.putConnectorConfig('local-file-source', fileSource, 'PAUSED');
    expect(topic.records().map((r) => [r.key!.toString(), r.value!.toString()])).toEqual([
      ['target-state-local-file-source', '{"state":"PAUSED","state.v2":"PAUSED"}'],
      ['connector-local-file-source', '{"properties":{"name":"local-file-source","connector.class":"FileStreamSource","tasks.max":"1","file":"test.txt","topic":"connect-test"}}'],
    ]);
    const snapshot = store.snapshot();
    expect(snapshot.connectors.get('local-file-source')).toEqual(fileSource);
    expect(snapshot.targetStates.get('local-file-source')).toBe('PAUSED');
    expect(snapshot.offset).toBe(2);
    expect(store.contains('local-file-source')).toBe(true);
    await store.stop();
  });

  it('starts connectors without a target state, and writes STOPPED so old workers read PAUSED', async () => {
    const topic = new MemoryTopic('configs');
    const store = await started(topic);
    await store.putConnectorConfig('c', { name: 'c' });
    expect(store.snapshot().targetStates.get('c')).toBe('STARTED');
    await store.putTargetState('c', 'STOPPED');
    await store.refresh();
    expect(store.snapshot().targetStates.get('c')).toBe('STOPPED');
    expect(topic.records().at(-1)!.value!.toString()).toBe('{"state":"PAUSED","state.v2":"STOPPED"}');
    await store.stop();
  });

  it('writes task configs then their commit, and shows them once committed', async () => {
    const topic = new MemoryTopic('configs');
    const store = await started(topic);
    await store.putConnectorConfig('c', { name: 'c', 'tasks.max': '2' });
    await store.putTaskConfigs('c', [
      { 'task.class': 'T', n: '0' },
      { 'task.class': 'T', n: '1' },
    ]);
    expect(topic.records().slice(1).map((r) => [r.key!.toString(), r.value!.toString()])).toEqual([
      ['task-c-0', '{"properties":{"task.class":"T","n":"0"}}'],
      ['task-c-1', '{"properties":{"task.class":"T","n":"1"}}'],
      ['commit-c', '{"tasks":2}'],
    ]);
    expect(store.snapshot().taskConfigs.get('c')).toEqual([
      { 'task.class': 'T', n: '0' },
      { 'task.class': 'T', n: '1' },
    ]);
    expect(store.snapshot().appliedConnectorConfigs.get('c')).toEqual({ name: 'c', 'tasks.max': '2' });
    await store.stop();
  });

  it('keeps task configs another worker is writing invisible until their commit arrives', async () => {
    const topic = new MemoryTopic('configs');
    const store = await started(topic);
    await store.putConnectorConfig('c', { name: 'c' });
    topic.append({ key: 'task-c-0', value: Buffer.from('{"properties":{"n":"0"}}') });
    await store.refresh();
    expect(store.snapshot().taskConfigs.get('c')).toBeUndefined();
    topic.append({ key: 'commit-c', value: Buffer.from('{"tasks":1}') });
    await store.refresh();
    expect(store.snapshot().taskConfigs.get('c')).toEqual([{ n: '0' }]);
    await store.stop();
  });

  it("tells another worker's listeners about every change, in topic order", async () => {
    const topic = new MemoryTopic('configs');
    const leader = await started(topic);
    const follower = await started(topic);
    const heard: ConfigChange[] = [];
    follower.onChange((change) => heard.push(change));
    await leader.putConnectorConfig('c', { name: 'c' });
    await leader.putTaskConfigs('c', [{ n: '0' }]);
    await leader.putTargetState('c', 'PAUSED');
    await leader.putRestartRequest({ connector: 'c', onlyFailed: true, includeTasks: true });
    await leader.putLoggerLevel('org.example', 'DEBUG');
    await leader.removeConnectorConfig('c');
    await follower.refresh();
    expect(heard).toEqual([
      { type: 'connector-config-update', connector: 'c' },
      { type: 'task-config-update', tasks: [{ connector: 'c', task: 0 }] },
      { type: 'target-state-change', connector: 'c' },
      { type: 'restart-request', request: { connector: 'c', onlyFailed: true, includeTasks: true } },
      { type: 'logging-level-update', namespace: 'org.example', level: 'DEBUG' },
      { type: 'connector-config-remove', connector: 'c' },
    ]);
    expect(follower.snapshot().connectors.size).toBe(0);
    await Promise.all([leader.stop(), follower.stop()]);
  });

  it('rebuilds the same state on a fresh worker, also after compaction', async () => {
    const topic = new MemoryTopic('configs');
    const store = await started(topic);
    await store.putConnectorConfig('a', { name: 'a', 'tasks.max': '3' });
    await store.putTaskConfigs('a', [{ n: '0' }, { n: '1' }, { n: '2' }]);
    await store.putTaskConfigs('a', [{ n: '0-new' }]);
    await store.putConnectorConfig('b', { name: 'b' }, 'STOPPED');
    await store.putTaskConfigs('b', []);
    await store.putConnectorConfig('gone', { name: 'gone' });
    await store.putTaskConfigs('gone', [{ n: '0' }]);
    await store.removeConnectorConfig('gone');
    await store.putSessionKey({ key: Buffer.from([1, 2, 3]), algorithm: 'HmacSHA256', creationTimestamp: 1700000000000 });
    const expected = store.snapshot();
    await store.stop();

    const fresh = await started(topic);
    expect(fresh.snapshot()).toEqual(expected);
    expect(fresh.snapshot().taskConfigs.get('a')).toEqual([{ n: '0-new' }]);
    await fresh.stop();

    topic.compact();
    const afterCompaction = await started(topic);
    const snapshot = afterCompaction.snapshot();
    expect(snapshot.connectors).toEqual(expected.connectors);
    expect(snapshot.targetStates).toEqual(expected.targetStates);
    expect(snapshot.taskConfigs).toEqual(expected.taskConfigs);
    expect(snapshot.inconsistent).toEqual(new Set());
    await afterCompaction.stop();
  });

  it('leaves properties with a null value out of the snapshot', async () => {
    const topic = new MemoryTopic('configs');
    const store = await started(topic);
    await store.putConnectorConfig('c', { name: 'c', unset: null });
    expect(topic.records()[0]!.value!.toString()).toBe('{"properties":{"name":"c","unset":null}}');
    expect(store.snapshot().connectors.get('c')).toEqual({ name: 'c' });
    await store.stop();
  });

  it('refuses a config topic with more than one partition, with Kafka\'s message', async () => {
    const store = new KafkaConfigStore({ log: new MemoryCompactedLog(new MemoryTopic('connect-configs', 3)), logger: silent });
    const failure = store.start();
    await expect(failure).rejects.toThrow(ConfigException);
    await expect(failure).rejects.toThrow(
      "Topic 'connect-configs' supplied via the 'config.storage.topic' property is required to have a single partition in order to guarantee consistency of connector configurations, but found 3 partitions.",
    );
  });

  it('logs and skips records it cannot use, and keeps reading', async () => {
    const topic = new MemoryTopic('configs');
    topic.append({ key: 'connector-a', value: Buffer.from('{"properties":') });
    topic.append({ key: 'mystery', value: Buffer.from('{}') });
    topic.append({ key: 'commit-b', value: Buffer.from('{"tasks":"2"}') });
    topic.append({ key: 'connector-b', value: Buffer.from('{"properties":{"name":"b"}}') });
    const errors: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void errors.push((JSON.parse(line) as { msg: string }).msg) });
    const store = new KafkaConfigStore({ log: new MemoryCompactedLog(topic), logger });
    await store.start();
    expect([...store.snapshot().connectors.keys()]).toEqual(['b']);
    expect(errors).toEqual([expect.stringContaining('Failed to convert config data'), 'Discarding config update record with invalid key: mystery']);
    await store.stop();
  });
});
