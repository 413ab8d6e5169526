// Distributed mode: automatic restart of failed tasks (polyconnect.task.restart.*, a Polyconnect
// extension) is carried out by the worker that runs the task. Two workers on the real broker; the
// source task's plugin process is killed; every worker's status shows the task FAILED with the
// scheduled restart, then RUNNING on the same worker with the failure it recovered from, and the
// sink's output holds every line.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DistributedCluster, waitFor } from '../support/distributed-workers.js';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';

describe('automatic task restarts in distributed mode', () => {
  const cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });

  afterAll(async () => {
    await cluster.stopAll();
  });

  it('restarts a killed source task on the worker that runs it, and loses nothing', async () => {
    for (let i = 0; i < 2; i++) await cluster.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-auto-'));
    const id = randomUUID().slice(0, 8);
    const input = join(directory, 'in.txt');
    const output = join(directory, 'out.txt');
    const count = 150_000;
    writeFileSync(input, numberedLines(count));
    const topic = `auto-${id}`;
    const source = `auto-source-${id}`;
    const entry = cluster.running[0]!;
    const sourceConfig = { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: input, topic, 'polyconnect.task.restart.enable': 'true', 'polyconnect.task.restart.backoff.initial.ms': '1500' };
    expect((await entry.request('POST', '/connectors', { name: source, config: sourceConfig })).status).toBe(201);
    expect((await entry.request('POST', '/connectors', { name: `auto-sink-${id}`, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '1', file: output, topics: topic } })).status).toBe(201);
    await waitFor(() => fileSize(output) > 300_000, 90_000, 'data to flow', () => cluster.logText());

    const ownerId = (await entry.status(source))!.tasks[0]!.worker_id;
    const owner = cluster.running.find((w) => new URL(w.restUrl).host === ownerId)!;
    const observer = cluster.running.find((w) => w !== owner)!;
    const started = owner.logs.filter((l) => l.msg === 'Plugin process started' && l.label === `${source}-0`);
    expect(started).toHaveLength(1);
    const pid = started[0]!.pluginPid as number;
    process.kill(pid, 'SIGKILL');

    let failedTrace = '';
    await waitFor(async () => {
      const task = (await observer.status(source))?.tasks[0];
      failedTrace = task?.trace ?? '';
      return task?.state === 'FAILED' && failedTrace.includes('restarts this task automatically');
    }, 10_000, 'the FAILED task with its scheduled restart on the other worker');
    expect(failedTrace).toContain('was killed by signal SIGKILL');
    expect(failedTrace).toContain('Polyconnect restarts this task automatically in 1500 ms (attempt 1).');

    let running = { state: '', worker_id: '', trace: '' };
    await waitFor(async () => {
      running = { trace: '', ...(await observer.status(source))?.tasks[0] } as typeof running;
      return running.state === 'RUNNING' && running.trace !== '';
    }, 15_000, 'the task RUNNING again');
    expect(running.worker_id).toBe(ownerId);
    expect(running.trace).toMatch(/^Recovered by automatic restart 1 \(.*\) from:\n.*was killed by signal SIGKILL/s);
    expect(owner.logs.filter((l) => l.msg === 'Plugin process started' && l.label === `${source}-0`)).toHaveLength(2);

    await waitFor(() => {
      try {
        checkNoneLost(output, count);
        return true;
      } catch {
        return false;
      }
    }, 120_000, 'every line in the output', () => cluster.logText());
  }, 240_000);
});
