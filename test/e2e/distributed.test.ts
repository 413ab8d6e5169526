// Distributed mode end to end: three `polyconnect distributed` workers in one group on the real
// broker. Work spreads over the workers and every worker's REST API shows who runs what; a worker
// killed with SIGKILL has its tasks running on the survivors after the session timeout, with
// nothing lost. (Rolling restarts: distributed-rolling-restart.test.ts; writes sent to followers:
// distributed-forwarding.test.ts.)

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allRunning, DistributedCluster, noneLost, waitFor } from '../support/distributed-workers.js';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import type { ConnectorStatus } from '../support/standalone-worker.js';

const suffix = (): string => randomUUID().slice(0, 8);

describe('distributed workers', () => {
  let cluster: DistributedCluster | undefined;

  afterEach(async () => {
    await cluster?.stopAll();
    cluster = undefined;
  });

  it('spreads a connector with tasks.max=6 over three workers; every worker shows each task\'s worker', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const name = `spread-${suffix()}`;
    const created = await c.running[1]!.request('POST', '/connectors', {
      name,
      config: { 'connector.class': 'FileStreamSink', 'tasks.max': '6', topics: `${name}-topic`, file: join(directory, 'out.txt') },
    });
    expect(created.status).toBe(201);
    await waitFor(async () => allRunning(await c.running[0]!.status(name), 6), 90_000, 'six RUNNING tasks', () => c.logText());
    const views = await Promise.all(c.running.map((w) => w.status(name)));
    const workerIds = new Set(c.running.map((w) => new URL(w.restUrl).host));
    for (const view of views) {
      expect(view!.tasks.map((t) => t.id)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(view!.tasks).toEqual(views[0]!.tasks);
    }
    const perWorker = new Map<string, number>();
    for (const task of views[0]!.tasks) perWorker.set(task.worker_id, (perWorker.get(task.worker_id) ?? 0) + 1);
    expect(new Set(perWorker.keys())).toEqual(workerIds);
    expect([...perWorker.values()]).toEqual([2, 2, 2]);
  }, 240_000);

  it('runs a killed worker\'s tasks on the survivors, losing nothing', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const id = suffix();
    const topic = `failover-${id}`;
    const input = join(directory, 'input.txt');
    const output = join(directory, 'output.txt');
    const count = 200_000;
    writeFileSync(input, numberedLines(count));
    const entry = c.running[0]!;
    const source = `source-${id}`;
    const sink = `sink-${id}`;
    expect((await entry.request('POST', '/connectors', { name: source, config: { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: input, topic } })).status).toBe(201);
    expect((await entry.request('POST', '/connectors', { name: sink, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '1', file: output, topics: topic } })).status).toBe(201);
    await waitFor(async () => allRunning(await entry.status(source), 1) && allRunning(await entry.status(sink), 1) && fileSize(output) > 0, 90_000, 'data to flow', () => c.logText());

    // Kill the worker that runs the source task (or, if that is the worker we ask, the sink's).
    const sourceOwner = (await entry.status(source))!.tasks[0]!.worker_id;
    const sinkOwner = (await entry.status(sink))!.tasks[0]!.worker_id;
    const victimId = sourceOwner !== new URL(entry.restUrl).host ? sourceOwner : sinkOwner !== new URL(entry.restUrl).host ? sinkOwner : undefined;
    const victimIndex = c.workers.findIndex((w) => w !== undefined && new URL(w.restUrl).host === victimId);
    const killIndex = victimIndex >= 0 ? victimIndex : 1;
    const killedId = new URL(c.workers[killIndex]!.restUrl).host;
    const killedAt = Date.now();
    await c.stop(killIndex, 'SIGKILL');
    const observer = c.running[0]!;
    const movedAway = (s: ConnectorStatus | undefined): boolean => allRunning(s, 1) && s!.connector.worker_id !== killedId && s!.tasks.every((t) => t.worker_id !== killedId);
    await waitFor(async () => movedAway(await observer.status(source)) && movedAway(await observer.status(sink)), 60_000, 'every task RUNNING on the survivors', () => c.logText());
    const failoverMs = Date.now() - killedAt;
    console.log(`distributed failover: every task RUNNING on the survivors ${failoverMs} ms after SIGKILL (session.timeout.ms=10000)`);
    expect(failoverMs).toBeLessThan(30_000);

    await waitFor(() => noneLost(output, count), 120_000, 'every record in the output', () => c.logText());
    const { duplicates } = checkNoneLost(output, count);
    console.log(`distributed failover: ${duplicates} duplicate lines of ${count}`);
  }, 300_000);


  it('moves some tasks to a fourth worker and restarts none of the tasks that stay', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const name = `join-${suffix()}`;
    const created = await c.running[0]!.request('POST', '/connectors', {
      name,
      config: { 'connector.class': 'FileStreamSink', 'tasks.max': '8', topics: `${name}-topic`, file: join(directory, 'out.txt') },
    });
    expect(created.status).toBe(201);
    await waitFor(async () => allRunning(await c.running[0]!.status(name), 8), 90_000, 'eight RUNNING tasks', () => c.logText());
    const before = (await c.running[0]!.status(name))!;

    const fourth = await c.start(3);
    const fourthId = new URL(fourth.restUrl).host;
    await waitFor(
      async () => {
        const status = await fourth.status(name);
        return allRunning(status, 8) && status!.tasks.filter((t) => t.worker_id === fourthId).length === 2;
      },
      90_000,
      'two tasks RUNNING on the fourth worker',
      () => c.logText(),
    );
    const after = (await fourth.status(name))!;
    const perWorker = new Map<string, number>();
    for (const task of after.tasks) perWorker.set(task.worker_id, (perWorker.get(task.worker_id) ?? 0) + 1);
    expect([...perWorker.values()]).toEqual([2, 2, 2, 2]);
    // Start counts: one plugin process per task (plugin.isolation=task), counted over every worker's log.
    const starts = (label: string): number => c.workers.flatMap((w) => w?.logs ?? []).filter((l) => l.msg === 'Plugin process started' && l.label === label).length;
    const moved = after.tasks.filter((t) => t.worker_id !== before.tasks[t.id]!.worker_id);
    expect(moved).toHaveLength(2);
    for (const task of after.tasks) expect(starts(`${name}-${task.id}`)).toBe(moved.includes(task) ? 2 : 1);
    expect(starts(name)).toBe(1);
  }, 240_000);

  it('rebuilds every connector, its target state and its offsets in a fresh worker from the internal topics', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 2; i++) await c.start(i);
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const id = suffix();
    const topic = `fresh-${id}`;
    const input = join(directory, 'input.txt');
    const output = join(directory, 'output.txt');
    const count = 5_000;
    writeFileSync(input, numberedLines(count));
    const source = `source-${id}`;
    const sink = `sink-${id}`;
    const paused = `paused-${id}`;
    const entry = c.running[1]!;
    expect((await entry.request('POST', '/connectors', { name: source, config: { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: input, topic } })).status).toBe(201);
    expect((await entry.request('POST', '/connectors', { name: sink, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '2', file: output, topics: topic } })).status).toBe(201);
    expect((await entry.request('POST', '/connectors', { name: paused, initial_state: 'PAUSED', config: { 'connector.class': 'FileStreamSink', 'tasks.max': '1', file: join(directory, 'paused.txt'), topics: topic } })).status).toBe(201);
    await waitFor(() => noneLost(output, count), 90_000, 'every record in the output', () => c.logText());
    const offsetsOf = async (worker: typeof entry): Promise<unknown> => (await worker.request('GET', `/connectors/${source}/offsets`)).body;
    await waitFor(async () => ((await offsetsOf(entry)) as { offsets?: unknown[] } | undefined)?.offsets?.length === 1, 30_000, 'source offsets');
    await new Promise((r) => setTimeout(r, 2_000)); // one more offset flush
    const offsets = await offsetsOf(entry);
    const configs = Object.fromEntries(await Promise.all([source, sink, paused].map(async (n) => [n, (await entry.request('GET', `/connectors/${n}/config`)).body] as const)));
    await c.stopAll();

    const fresh = await c.start(2);
    expect(((await fresh.request<string[]>('GET', '/connectors')).body ?? []).sort()).toEqual([paused, sink, source].sort());
    for (const [n, config] of Object.entries(configs)) expect((await fresh.request('GET', `/connectors/${n}/config`)).body).toEqual(config);
    expect(await offsetsOf(fresh)).toEqual(offsets);
    await waitFor(async () => allRunning(await fresh.status(source), 1) && allRunning(await fresh.status(sink), 2), 90_000, 'the pipeline running on the fresh worker', () => c.logText());
    await waitFor(async () => (await fresh.status(paused))?.connector.state === 'PAUSED', 60_000, 'the paused connector PAUSED', () => c.logText());
    // Resumed from the stored offsets: nothing is read from the input again.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(checkNoneLost(output, count).duplicates).toBe(0);
  }, 300_000);

  it('applies pause, resume, stop, config updates, restarts and delete sent to any worker on every worker', async () => {
    cluster = new DistributedCluster({ bootstrapServers: kafkaBootstrapServers() });
    const c = cluster;
    for (let i = 0; i < 3; i++) await c.start(i);
    const [a, b, d] = c.running as [typeof c.running[0], typeof c.running[0], typeof c.running[0]];
    const directory = mkdtempSync(join(tmpdir(), 'pc-distributed-'));
    const name = `ops-${suffix()}`;
    const config = { 'connector.class': 'FileStreamSink', 'tasks.max': '3', topics: `${name}-topic`, file: join(directory, 'out.txt') };
    expect((await a!.request('POST', '/connectors', { name, config })).status).toBe(201);
    expect((await b!.request('POST', '/connectors', { name, config })).status).toBe(409);
    const everywhere = async (check: (s: ConnectorStatus | undefined) => boolean): Promise<boolean> => (await Promise.all(c.running.map((w) => w.status(name)))).every(check);
    const states = (connector: string, task: string, tasks: number) => (s: ConnectorStatus | undefined): boolean =>
      s !== undefined && s.connector.state === connector && s.tasks.length === tasks && s.tasks.every((t) => t.state === task);
    await waitFor(() => everywhere(states('RUNNING', 'RUNNING', 3)), 90_000, 'three RUNNING tasks', () => c.logText());

    expect((await b!.request('PUT', `/connectors/${name}/pause`)).status).toBe(202);
    await waitFor(() => everywhere(states('PAUSED', 'PAUSED', 3)), 60_000, 'PAUSED everywhere', () => c.logText());
    expect((await d!.request('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await waitFor(() => everywhere(states('RUNNING', 'RUNNING', 3)), 60_000, 'RUNNING again', () => c.logText());

    // A config update from another worker: the task count follows tasks.max.
    expect((await d!.request('PUT', `/connectors/${name}/config`, { ...config, 'tasks.max': '5' })).status).toBe(200);
    await waitFor(() => everywhere(states('RUNNING', 'RUNNING', 5)), 60_000, 'five RUNNING tasks', () => c.logText());
    expect(((await a!.request<unknown[]>('GET', `/connectors/${name}/tasks`)).body ?? []).length).toBe(5);

    // A task restart sent to a worker that does not run it is carried out by its owner.
    const before = (await a!.status(name))!;
    const task = before.tasks.find((t) => t.worker_id !== new URL(b!.restUrl).host)!;
    expect((await b!.request('POST', `/connectors/${name}/tasks/${task.id}/restart`)).status).toBe(204);
    expect((await b!.request('POST', `/connectors/${name}/restart?includeTasks=true`)).status).toBe(202);
    await waitFor(() => everywhere(states('RUNNING', 'RUNNING', 5)), 60_000, 'RUNNING after the restarts', () => c.logText());

    expect((await a!.request('PUT', `/connectors/${name}/stop`)).status).toBe(204);
    await waitFor(() => everywhere(states('STOPPED', 'RUNNING', 0)), 60_000, 'STOPPED with no tasks', () => c.logText());
    expect((await b!.request('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await waitFor(() => everywhere(states('RUNNING', 'RUNNING', 5)), 60_000, 'RUNNING after the stop', () => c.logText());

    expect((await d!.request('DELETE', `/connectors/${name}`)).status).toBe(204);
    await waitFor(async () => (await Promise.all(c.running.map((w) => w.request('GET', `/connectors/${name}/status`)))).every((r) => r.status === 404), 60_000, '404 everywhere');
    expect((await a!.request<string[]>('GET', '/connectors')).body).not.toContain(name);
  }, 300_000);
});

