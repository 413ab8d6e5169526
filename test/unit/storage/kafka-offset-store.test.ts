// KafkaOffsetStore over an in-memory log: what a worker writes it reads at once, another worker
// (or a restarted one with no local state) rebuilds from the topic, keys are Kafka's bytes on
// Java's partitions, and records it cannot use are skipped.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DataException } from '../../../src/data/index.js';
import { MemoryCompactedLog, MemoryTopic } from '../../../src/kafka/memory-compacted-log.js';
import { KafkaOffsetStore } from '../../../src/storage/kafka-offset-store.js';

const silent = pino({ level: 'silent' });

async function started(topic: MemoryTopic, logger = silent): Promise<KafkaOffsetStore> {
  const store = new KafkaOffsetStore({ log: new MemoryCompactedLog(topic), logger });
  await store.start();
  return store;
}

describe('KafkaOffsetStore', () => {
  it("writes Kafka's key and value bytes on the partition Java's producer picks", async () => {
    const topic = new MemoryTopic('connect-offsets', 25);
    const store = await started(topic);
    await store.write('local-file-source', [{ partition: { filename: 'input.txt' }, offset: { position: 18 } }]);
    const [record] = topic.records();
    expect(record!.key!.toString()).toBe('["local-file-source",{"filename":"input.txt"}]');
    expect(record!.value!.toString()).toBe('{"position":18}');
    // test/golden/stores/offsets-topic.json: Kafka put this key on partition 3 of 25.
    expect(record!.partition).toBe(3);
    await store.stop();
  });

  it('shows its own writes at once, and the latest of several', async () => {
    const store = await started(new MemoryTopic('offsets', 5));
    await store.write('c', [{ partition: { f: 'a' }, offset: { pos: 1 } }]);
    await store.write('c', [{ partition: { f: 'a' }, offset: { pos: 2 } }]);
    expect(store.offsets('c')).toEqual([{ partition: { f: 'a' }, offset: { pos: 2 } }]);
    await store.refresh();
    expect(store.offsets('c')).toEqual([{ partition: { f: 'a' }, offset: { pos: 2 } }]);
    await store.stop();
  });

  it('rebuilds every connector from the topic on a worker with no local state', async () => {
    const topic = new MemoryTopic('offsets', 25);
    const first = await started(topic);
    await first.write('c1', [
      { partition: { f: 'a' }, offset: { pos: 10 } },
      { partition: { f: 'b' }, offset: { pos: 20 } },
    ]);
    await first.write('c2', [{ partition: { table: 't', big: 9007199254740993n }, offset: { ts: 1.5, done: true, cursor: null } }]);
    await first.write('c1', [{ partition: { f: 'b' }, offset: null }]);
    await first.stop();

    const second = await started(topic);
    expect(second.offsets('c1')).toEqual([{ partition: { f: 'a' }, offset: { pos: 10 } }]);
    expect(second.offsets('c2')).toEqual([{ partition: { table: 't', big: 9007199254740993n }, offset: { ts: 1.5, done: true, cursor: null } }]);
    expect(second.offsets('nobody')).toEqual([]);
    await second.stop();
  });

  it("sees another worker's writes in the background, and all of them after refresh()", async () => {
    const topic = new MemoryTopic('offsets', 25);
    const a = await started(topic);
    const b = await started(topic);
    await a.write('c', [{ partition: { f: 'x' }, offset: { pos: 5 } }]);
    await b.refresh();
    expect(b.offsets('c')).toEqual([{ partition: { f: 'x' }, offset: { pos: 5 } }]);
    await a.write('c', [{ partition: { f: 'x' }, offset: { pos: 6 } }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.offsets('c')).toEqual([{ partition: { f: 'x' }, offset: { pos: 6 } }]);
    // b's own earlier value is replaced by a's later one once read.
    await b.write('c', [{ partition: { f: 'y' }, offset: { pos: 1 } }]);
    await a.write('c', [{ partition: { f: 'y' }, offset: { pos: 2 } }]);
    await b.refresh();
    expect(b.offsets('c').find((o) => o.partition.f === 'y')?.offset).toEqual({ pos: 2 });
    await a.stop();
    await b.stop();
  });

  it('updates an offset Kafka Connect wrote under its own key bytes, whatever their member order', async () => {
    const topic = new MemoryTopic('offsets', 25);
    topic.append({ key: '["jdbc",{"table":"t","protocol":"1"}]', value: Buffer.from('{"incrementing":41}') });
    const store = await started(topic);
    expect(store.offsets('jdbc')).toEqual([{ partition: { table: 't', protocol: '1' }, offset: { incrementing: 41 } }]);
    await store.write('jdbc', [{ partition: { protocol: '1', table: 't' }, offset: { incrementing: 42 } }]);
    expect(topic.records().map((r) => r.key!.toString())).toEqual(['["jdbc",{"table":"t","protocol":"1"}]', '["jdbc",{"table":"t","protocol":"1"}]']);
    await store.refresh();
    expect(store.offsets('jdbc')).toEqual([{ partition: { table: 't', protocol: '1' }, offset: { incrementing: 42 } }]);
    await store.stop();
  });

  it('logs and skips records it cannot use', async () => {
    const topic = new MemoryTopic('offsets', 1);
    topic.append({ key: 'not json', value: Buffer.from('{"pos":1}') });
    topic.append({ key: '["c",{"f":"a"}]', value: Buffer.from('{"pos":') });
    topic.append({ key: '["c",{"f":"b"}]', value: Buffer.from('{"pos":{"nested":1}}') });
    topic.append({ key: '["c",{"f":"c"}]', value: Buffer.from('{"pos":3}') });
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
    const store = await started(topic, logger);
    expect(store.offsets('c')).toEqual([{ partition: { f: 'c' }, offset: { pos: 3 } }]);
    expect(lines.map((l) => l.msg)).toEqual([
      'Ignoring offset partition key with unknown serialization. Expected json.',
      expect.stringContaining('Failed to deserialize offset data for connector c'),
      expect.stringContaining('Failed to deserialize offset data for connector c'),
    ]);
    await store.stop();
  });

  it('refuses offsets Kafka could not store, and writes none of the batch', async () => {
    const topic = new MemoryTopic('offsets', 1);
    const store = await started(topic);
    await expect(
      store.write('c', [
        { partition: { f: 'a' }, offset: { pos: 1 } },
        { partition: { f: 'b' }, offset: { pos: { nested: true } } },
      ]),
    ).rejects.toThrow(DataException);
    expect(topic.records()).toEqual([]);
    expect(store.offsets('c')).toEqual([]);
    await store.stop();
  });

  it('forgets a write the log refused', async () => {
    const topic = new MemoryTopic('offsets', 1);
    const log = new MemoryCompactedLog(topic);
    const store = new KafkaOffsetStore({ log, logger: silent });
    await store.start();
    log.sendAll = () => Promise.reject(new Error('broker gone'));
    await expect(store.write('c', [{ partition: { f: 'a' }, offset: { pos: 1 } }])).rejects.toThrow('broker gone');
    expect(store.offsets('c')).toEqual([]);
    await store.stop();
  });
});
