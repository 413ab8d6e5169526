// KafkaStatusStore over an in-memory log: every worker sees every worker's statuses (with the
// worker that wrote them), its own puts at once, Kafka's safe-write and tombstone rules, and
// listeners hear changes from anywhere.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryCompactedLog, MemoryTopic } from '../../../src/kafka/memory-compacted-log.js';
import { KafkaStatusStore } from '../../../src/storage/kafka-status-store.js';
import type { StatusStoreChange } from '../../../src/storage/status-store.js';

const silent = pino({ level: 'silent' });
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function started(topic: MemoryTopic, generation = 0): Promise<KafkaStatusStore> {
  const store = new KafkaStatusStore({ log: new MemoryCompactedLog(topic), logger: silent, generation });
  await store.start();
  return store;
}

describe('KafkaStatusStore', () => {
  it("writes Kafka's status records, and shows its own puts at once", async () => {
    const topic = new MemoryTopic('connect-status', 5);
    const store = await started(topic, 7);
    store.putConnector('local-file-source', { state: 'RUNNING', workerId: 'worker-1:8083' });
    store.putTask('local-file-source', 0, { state: 'RUNNING', workerId: 'worker-1:8083', version: '4.1.2' });
    expect(store.connector('local-file-source')).toEqual({ state: 'RUNNING', workerId: 'worker-1:8083', generation: 7 });
    expect(store.tasks('local-file-source')).toEqual([{ id: 0, state: 'RUNNING', workerId: 'worker-1:8083', generation: 7, version: '4.1.2' }]);
    await store.flush();
    // Byte for byte the golden records of test/golden/stores/status-topic.json, on its partitions.
    expect(topic.records().map((r) => [r.partition, r.key!.toString(), r.value!.toString()])).toEqual([
      [0, 'status-connector-local-file-source', '{"state":"RUNNING","trace":null,"worker_id":"worker-1:8083","generation":7,"version":null}'],
      [4, 'status-task-local-file-source-0', '{"state":"RUNNING","trace":null,"worker_id":"worker-1:8083","generation":7,"version":"4.1.2"}'],
    ]);
    await store.stop();
  });

  it("shows tasks running on other workers, with their worker ids, and rebuilds them all on a fresh worker", async () => {
    const topic = new MemoryTopic('status', 5);
    const a = await started(topic, 3);
    const b = await started(topic, 3);
    a.putConnector('c', { state: 'RUNNING', workerId: 'a:8083' });
    a.putTask('c', 0, { state: 'RUNNING', workerId: 'a:8083' });
    b.putTask('c', 1, { state: 'FAILED', workerId: 'b:8083', trace: 'java.lang.Exception: boom\n\tat X' });
    await a.flush();
    await b.flush();
    await a.refresh();
    await b.refresh();
    for (const store of [a, b]) {
      expect(store.tasks('c').map((t) => [t.id, t.state, t.workerId, t.trace])).toEqual([
        [0, 'RUNNING', 'a:8083', undefined],
        [1, 'FAILED', 'b:8083', 'java.lang.Exception: boom\n\tat X'],
      ]);
    }
    const fresh = await started(topic);
    expect(fresh.connector('c')).toEqual({ state: 'RUNNING', workerId: 'a:8083', generation: 3 });
    expect(fresh.tasks('c').map((t) => t.workerId)).toEqual(['a:8083', 'b:8083']);
    await Promise.all([a.stop(), b.stop(), fresh.stop()]);
  });

  it('removes a connector with tombstones for its tasks and then itself', async () => {
    const topic = new MemoryTopic('status', 5);
    const a = await started(topic);
    const b = await started(topic);
    a.putConnector('c', { state: 'RUNNING', workerId: 'a:8083' });
    a.putTask('c', 0, { state: 'RUNNING', workerId: 'a:8083' });
    a.putTask('c', 1, { state: 'RUNNING', workerId: 'a:8083' });
    a.retainTasks('c', 1);
    expect(a.tasks('c').map((t) => t.id)).toEqual([0]);
    a.removeConnector('c');
    expect(a.connector('c')).toBeUndefined();
    expect(a.tasks('c')).toEqual([]);
    await a.flush();
    await b.refresh();
    expect(b.connector('c')).toBeUndefined();
    expect(b.tasks('c')).toEqual([]);
    const tombstones = topic.records().filter((r) => r.value === null).map((r) => r.key!.toString());
    expect(tombstones.sort()).toEqual(['status-connector-c', 'status-task-c-0', 'status-task-c-1']);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("skips a safe write over another worker's status of a newer generation, as Kafka's putSafe", async () => {
    const topic = new MemoryTopic('status', 5);
    const a = await started(topic);
    const b = await started(topic);
    a.putTask('c', 0, { state: 'RUNNING', workerId: 'a:8083', generation: 5 });
    await a.flush();
    await b.refresh();
    expect(b.putTaskSafe('c', 0, { state: 'UNASSIGNED', workerId: 'b:8083', generation: 4 })).toBe(false);
    expect(b.task('c', 0)?.state).toBe('RUNNING');
    expect(b.putTaskSafe('c', 0, { state: 'FAILED', workerId: 'b:8083', generation: 6, trace: 'x' })).toBe(true);
    expect(b.putConnectorSafe('c', { state: 'UNASSIGNED', workerId: 'b:8083', generation: 1 })).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("does not let a lagging worker's UNASSIGNED hide a RUNNING task of the same generation", async () => {
    const topic = new MemoryTopic('status', 5);
    const reader = await started(topic);
    topic.append({ key: 'status-task-c-0', value: Buffer.from('{"state":"RUNNING","trace":null,"worker_id":"a:8083","generation":5,"version":null}') });
    topic.append({ key: 'status-task-c-0', value: Buffer.from('{"state":"UNASSIGNED","trace":null,"worker_id":"b:8083","generation":5,"version":null}') });
    await reader.refresh();
    expect(reader.task('c', 0)).toMatchObject({ state: 'RUNNING', workerId: 'a:8083' });
    await reader.stop();
  });

  it("tells listeners about other workers' changes, and its own, once each", async () => {
    const topic = new MemoryTopic('status', 5);
    const a = await started(topic);
    const b = await started(topic);
    const heardByB: StatusStoreChange[] = [];
    const heardByA: StatusStoreChange[] = [];
    b.onChange((change) => heardByB.push(change));
    a.onChange((change) => heardByA.push(change));
    a.putTask('c', 0, { state: 'RUNNING', workerId: 'a:8083' });
    a.putConnector('c', { state: 'RUNNING', workerId: 'a:8083' });
    await a.flush();
    await nextTurn();
    await b.refresh();
    const puts = [
      { connector: 'c', taskId: 0, status: { state: 'RUNNING', workerId: 'a:8083', generation: 0 } },
      { connector: 'c', status: { state: 'RUNNING', workerId: 'a:8083', generation: 0 } },
    ];
    // Statuses on different partitions come in no particular order, as from Kafka.
    expect(heardByB).toHaveLength(2);
    expect(heardByB).toEqual(expect.arrayContaining(puts));
    // The writer heard its puts when it made them, and nothing more when they came back.
    await a.refresh();
    expect(heardByA).toEqual(puts);
    a.removeConnector('c');
    await a.flush();
    await b.refresh();
    expect(heardByB.slice(2)).toHaveLength(2);
    expect(heardByB.slice(2)).toEqual(expect.arrayContaining([{ connector: 'c', taskId: 0 }, { connector: 'c' }]));
    expect(heardByA.slice(2)).toEqual([{ connector: 'c', taskId: 0 }, { connector: 'c' }]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('keeps active topics per connector, and their reset', async () => {
    const topic = new MemoryTopic('status', 5);
    const a = await started(topic);
    a.putTopic('c', 'orders', 0, 1700000000123);
    a.putTopic('c', 'audit', 1, 1700000000124);
    expect(a.topics('c').map((t) => t.topic)).toEqual(['audit', 'orders']);
    a.deleteTopic('c', 'orders');
    await a.flush();
    const fresh = await started(topic);
    expect(fresh.topics('c')).toEqual([{ topic: 'audit', connector: 'c', task: 1, discoverTimestamp: 1700000000124 }]);
    expect(topic.records()[0]!.value!.toString()).toBe('{"topic":{"name":"orders","connector":"c","task":0,"discoverTimestamp":1700000000123}}');
    await Promise.all([a.stop(), fresh.stop()]);
  });

  it('hides a DESTROYED status someone wrote instead of a tombstone', async () => {
    const topic = new MemoryTopic('status', 5);
    topic.append({ key: 'status-task-c-0', value: Buffer.from('{"state":"DESTROYED","trace":null,"worker_id":"a:8083","generation":1}') });
    const store = await started(topic);
    expect(store.tasks('c')).toEqual([]);
    await store.stop();
  });

  it('forgets a put the log refused for good, and retries retriable failures', async () => {
    const topic = new MemoryTopic('status', 5);
    const log = new MemoryCompactedLog(topic);
    const store = new KafkaStatusStore({ log, logger: silent });
    await store.start();
    const send = log.send.bind(log);
    log.send = () => Promise.reject(new Error('not authorized'));
    store.putConnector('c', { state: 'RUNNING', workerId: 'a:8083' });
    expect(store.connector('c')?.state).toBe('RUNNING');
    await store.flush();
    expect(store.connector('c')).toBeUndefined();

    let failures = 1;
    log.send = (key, value) => (failures-- > 0 ? Promise.reject(Object.assign(new Error('leader moved'), { retriable: true })) : send(key, value));
    store.putConnector('c', { state: 'PAUSED', workerId: 'a:8083' });
    await store.flush();
    await store.refresh();
    expect(store.connector('c')?.state).toBe('PAUSED');
    expect(topic.records()).toHaveLength(1);
    await store.stop();
  });
});
