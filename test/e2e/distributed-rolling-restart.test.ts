// Distributed mode: a rolling restart of all three workers (SIGTERM, start again, one at a time)
// under a running FileStreamSource -> FileStreamSink pipeline, on the real broker. After each
// restart every task is RUNNING again; at the end the output holds every input line (duplicates
// only from re-delivery since the last commit) and no task is left UNASSIGNED on any worker.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DistributedCluster, waitFor } from '../support/distributed-workers.js';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import type { ConnectorStatus } from '../support/standalone-worker.js';

function allRunning(status: ConnectorStatus | undefined, tasks: number): boolean {
  return status !== undefined && status.connector.state === 'RUNNING' && status.tasks.length === tasks && status.tasks.every((t) => t.state === 'RUNNING');
}

function noneLost(output: string, count: number): boolean {
  try {
    checkNoneLost(output, count);
    return true;
  } catch {
    return false;
  }
}

describe('distributed rolling restart', () => {
  let cluster: DistributedCluster | undefined;

  afterEach(async () => {
    await cluster?.stopAll();
    cluster = undefined;
  });

  it('goes through a rolling restart of all three workers losing nothing and leaving no task UNASSIGNED', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const id = randomUUID().slice(0, 8);
    const topic = `rolling-${id}`;
    const input = join(directory, 'input.txt');
    const output = join(directory, 'output.txt');
    const count = 300_000;
    writeFileSync(input, numberedLines(count));
    const source = `source-${id}`;
    const sink = `sink-${id}`;
    const entry = c.running[0]!;
    expect((await entry.request('POST', '/connectors', { name: source, config: { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: input, topic } })).status).toBe(201);
    expect((await entry.request('POST', '/connectors', { name: sink, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '3', file: output, topics: topic } })).status).toBe(201);
    let lastSeen = '';
    const everythingRunning = async (): Promise<boolean> => {
      const observer = c.running[0];
      if (observer === undefined) return false;
      const [s1, s2] = [await observer.status(source), await observer.status(sink)];
      lastSeen = JSON.stringify([s1, s2]);
      return allRunning(s1, 1) && allRunning(s2, 3);
    };
    await waitFor(async () => (await everythingRunning()) && fileSize(output) > 0, 90_000, 'data to flow', () => c.logText());

    for (let i = 0; i < 3; i++) {
      const restartedAt = Date.now();
      expect(await c.stop(i, 'SIGTERM')).toBe(0);
      await c.start(i);
      await waitFor(everythingRunning, 90_000, `every task RUNNING after restarting worker ${i}`, () => `${lastSeen}\n${c.logText()}`);
      console.log(`distributed rolling restart: worker ${i} stopped, started and every task RUNNING again after ${Date.now() - restartedAt} ms`);
    }
    await waitFor(() => noneLost(output, count), 120_000, 'every record in the output', () => c.logText());
    const { duplicates } = checkNoneLost(output, count);
    console.log(`distributed rolling restart: ${duplicates} duplicate lines of ${count}`);
    for (const worker of c.running) {
      for (const name of [source, sink]) {
        const status = await worker.status(name);
        expect(status!.connector.state).toBe('RUNNING');
        expect(status!.tasks.filter((t) => t.state !== 'RUNNING')).toEqual([]);
      }
    }
  }, 480_000);
});
