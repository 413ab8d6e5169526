// Distributed mode: a rolling restart of all three workers (SIGTERM, start again, one at a time)
// under a running FileStreamSource -> FileStreamSink pipeline, on the real broker. After each
// restart every task is RUNNING again; at the end the output holds every input line (duplicates
// only from re-delivery since the last commit) and no task is left UNASSIGNED on any worker.
// With scheduled.rebalance.max.delay.ms set, a bounced worker gets its own tasks back (they run
// nowhere else meanwhile), and a worker that stays away has its tasks moved once the delay expires.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allRunning, DistributedCluster, noneLost, waitFor } from '../support/distributed-workers.js';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';

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

  it('holds a departed worker\'s tasks for scheduled.rebalance.max.delay.ms: handed back when it returns, moved when the delay expires', async () => {
    const delayMs = 8_000;
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers(), properties: { 'scheduled.rebalance.max.delay.ms': String(delayMs) } });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const name = `delayed-${randomUUID().slice(0, 8)}`;
    expect((await c.running[0]!.request('POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '6', topics: `${name}-topic`, file: join(directory, 'out.txt') } })).status).toBe(201);
    await waitFor(async () => allRunning(await c.running[0]!.status(name), 6), 90_000, 'six RUNNING tasks', () => c.logText());
    const workerIdOf = (index: number): string => new URL(c.workers[index]!.restUrl).host;
    const bouncedId = workerIdOf(2);
    const before = (await c.workers[0]!.status(name))!;
    const bouncedTasks = before.tasks.filter((t) => t.worker_id === bouncedId).map((t) => t.id);
    expect(bouncedTasks.length).toBe(2);
    const startsElsewhere = (task: number): number =>
      [0, 1].flatMap((i) => c.workers[i]!.logs).filter((l) => l.msg === 'Plugin process started' && l.label === `${name}-${task}`).length;
    const startsBefore = bouncedTasks.map(startsElsewhere);

    // Bounce worker 2: its tasks wait for it and come back to it.
    expect(await c.stop(2, 'SIGTERM')).toBe(0);
    await c.start(2);
    await waitFor(async () => {
      const status = await c.workers[0]!.status(name);
      return allRunning(status, 6) && bouncedTasks.every((id) => status!.tasks[id]!.worker_id === bouncedId);
    }, 60_000, 'the bounced worker\'s tasks RUNNING on it again', () => c.logText());
    expect(bouncedTasks.map(startsElsewhere)).toEqual(startsBefore);

    // Stop it for good: its tasks stay unassigned for the delay, then run on the others.
    const stoppedAt = Date.now();
    expect(await c.stop(2, 'SIGTERM')).toBe(0);
    await waitFor(async () => {
      const status = await c.workers[0]!.status(name);
      return allRunning(status, 6) && status!.tasks.every((t) => t.worker_id !== bouncedId);
    }, 60_000, 'every task RUNNING on the two others', () => c.logText());
    const movedAfterMs = Date.now() - stoppedAt;
    console.log(`scheduled.rebalance.max.delay.ms=${delayMs}: a stopped worker's tasks RUNNING elsewhere after ${movedAfterMs} ms`);
    expect(movedAfterMs).toBeGreaterThanOrEqual(delayMs - 1_000);
    expect(movedAfterMs).toBeLessThan(delayMs + 20_000);
  }, 300_000);
});
