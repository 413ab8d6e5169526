// Cluster-scoped log levels (KIP-976) in distributed mode, on the real broker: a PUT
// /admin/loggers/{name}?scope=cluster on one worker answers 204 and every running worker applies
// the level once it reads the config topic's logger-cluster-<name> record; worker scope changes
// only the worker asked. A worker started afterwards ignores the older record (Kafka ignores
// those read before startup completed, as KIP-976 specifies) but applies the next cluster-wide
// change, which it may also write itself.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributedCluster, waitFor, type DistributedWorker } from '../support/distributed-workers.js';
import { kafkaBootstrapServers } from '../support/kafka.js';

interface LoggerLevel {
  level: string;
  last_modified: number | null;
}

/** The level the worker reports for a namespace, or undefined while it has none (404). */
async function levelOf(worker: DistributedWorker, namespace: string): Promise<string | undefined> {
  const { status, body } = await worker.request<LoggerLevel>('GET', `/admin/loggers/${namespace}`);
  if (status === 404) return undefined;
  expect(status).toBe(200);
  return body.level;
}

describe('cluster-scoped log levels across distributed workers', () => {
  let cluster: DistributedCluster;
  const namespace = `some.namespace.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    await cluster.start(0);
    await cluster.start(1);
  }, 240_000);

  afterAll(async () => {
    await cluster?.stopAll();
  });

  it('applies scope=cluster on every worker, the one asked included, with a 204', async () => {
    const [w0, w1] = [cluster.workers[0]!, cluster.workers[1]!];
    expect(await levelOf(w1, namespace)).toBeUndefined();
    const put = await w0.request('PUT', `/admin/loggers/${namespace}?scope=cluster`, { level: 'DEBUG' });
    expect(put).toEqual({ status: 204, body: undefined });
    for (const worker of [w1, w0]) {
      await waitFor(async () => (await levelOf(worker, namespace)) === 'DEBUG', 30_000, `DEBUG on ${worker.restUrl}`, () => cluster.logText(30));
    }
    const applied = (await w1.request<LoggerLevel>('GET', `/admin/loggers/${namespace}`)).body;
    expect(applied.last_modified).toEqual(expect.any(Number));
    expect(w1.logs.some((line) => line.msg === 'Applied a cluster-wide logger level' && line.namespace === namespace)).toBe(true);
  });

  it('changes only the worker asked with scope=worker', async () => {
    const [w0, w1] = [cluster.workers[0]!, cluster.workers[1]!];
    const local = `${namespace}.local`;
    expect(await w1.request('PUT', `/admin/loggers/${local}?scope=worker`, { level: 'TRACE' })).toEqual({ status: 200, body: [local] });
    expect(await levelOf(w1, local)).toBe('TRACE');
    // A cluster-wide change written after it reaches worker 0 in topic order: once it shows there,
    // anything the worker-scope change had written would have shown too.
    const marker = `${namespace}.marker`;
    expect((await w1.request('PUT', `/admin/loggers/${marker}?scope=cluster`, { level: 'WARN' })).status).toBe(204);
    await waitFor(async () => (await levelOf(w0, marker)) === 'WARN', 30_000, 'the marker on worker 0', () => cluster.logText(30));
    expect(await levelOf(w0, local)).toBeUndefined();
  });

  it('leaves a worker started afterwards at its own levels, then applies the next cluster-wide change', async () => {
    const w2 = await cluster.start(2);
    // It read the config topic to its end while starting, the DEBUG record included, and ignored it.
    expect(await levelOf(w2, namespace)).toBeUndefined();
    expect((await w2.request('PUT', `/admin/loggers/${namespace}?scope=cluster`, { level: 'error' })).status).toBe(204);
    for (const worker of cluster.running) {
      await waitFor(async () => (await levelOf(worker, namespace)) === 'ERROR', 30_000, `ERROR on ${worker.restUrl}`, () => cluster.logText(30));
    }
  });

  it("answers an unknown level with Kafka's 404 and writes nothing", async () => {
    const w0 = cluster.workers[0]!;
    const put = await w0.request('PUT', `/admin/loggers/${namespace}.bad?scope=cluster`, { level: 'LOUD' });
    expect(put).toEqual({ status: 404, body: { error_code: 404, message: "invalid log level 'LOUD'." } });
  });
});
