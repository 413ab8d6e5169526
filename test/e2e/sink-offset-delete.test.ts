// Resetting single sink partitions through PATCH /connectors/{c}/offsets (an "offset": null
// entry), against a real worker and broker: the consumer group's committed offset of exactly
// that partition is removed (Kafka's OffsetDelete), the others stay, a mixed alter commits and
// deletes in one request, and once resumed the sink reads the reset partition from the earliest
// offset and the others from their committed offsets.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `offset-delete-${stamp}`;
const name = `odel-${stamp}`;
const group = `connect-${name}`;
const directory = mkdtempSync(join(tmpdir(), 'pc-odel-'));
const output = join(directory, 'out.txt');
const ALTERED =
  'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';

const part = (partition: number, offset: number | null) => ({ partition: { kafka_topic: topic, kafka_partition: partition }, offset: offset === null ? null : { kafka_offset: offset } });

describe('sink offsets: per-partition reset', () => {
  const kafka = new kafkajs.Kafka({ clientId: 'offset-delete-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  let worker: StandaloneWorker;

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${worker.restUrl}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as any) };
  }

  /** The group's committed offsets by partition; -1 where none is committed. */
  async function committed(groupId: string): Promise<Record<number, number>> {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries((entry?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  }

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [0, 1, 2, 3, 4].flatMap((i) => [
        { partition: 0, value: `a${i}` },
        { partition: 1, value: `b${i}` },
      ]),
    });
    await producer.disconnect();
    // The group as a sink that ran before would have left it: a3.. and b2.. not yet delivered.
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }] });
    worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory });
    const created = await call('POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSink', file: output, topics: topic }, initial_state: 'STOPPED' });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await admin.disconnect();
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('removes the committed offset of exactly the partition given with a null offset', async () => {
    expect(await committed(group)).toEqual({ 0: 3, 1: 2 });
    const reset = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [part(0, null)] });
    expect(reset).toEqual({ status: 200, body: { message: ALTERED } });
    expect(await committed(group)).toEqual({ 0: -1, 1: 2 });
    expect((await call('GET', `/connectors/${name}/offsets`)).body).toEqual({ offsets: [part(1, 2)] });
  });

  it('commits and deletes in one mixed alter, and the resumed sink reads the reset partition from the earliest offset', async () => {
    const mixed = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [part(0, null), part(1, 3)] });
    expect(mixed).toEqual({ status: 200, body: { message: ALTERED } });
    expect(await committed(group)).toEqual({ 0: -1, 1: 3 });

    expect((await call('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    const expected = ['a0', 'a1', 'a2', 'a3', 'a4', 'b3', 'b4'];
    const size = expected.reduce((n, line) => n + line.length + 1, 0);
    await worker.waitFor(() => fileSize(output) >= size, 30_000, 'the sink to write the records after the committed and reset offsets');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(readFileSync(output, 'utf8').trim().split('\n').sort()).toEqual(expected);
  });

  it('answers success for a null offset when the group has never existed: there is nothing to delete', async () => {
    const fresh = `${name}-fresh`;
    expect((await call('POST', '/connectors', { name: fresh, config: { 'connector.class': 'FileStreamSink', file: join(directory, 'fresh.txt'), topics: topic }, initial_state: 'STOPPED' })).status).toBe(201);
    const reset = await call('PATCH', `/connectors/${fresh}/offsets`, { offsets: [part(1, null)] });
    expect(reset).toEqual({ status: 200, body: { message: ALTERED } });
    expect(await committed(`connect-${fresh}`)).toEqual({ 0: -1, 1: -1 });
  });
});
