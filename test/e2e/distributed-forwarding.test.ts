// Distributed mode: writes that only the leader carries out, sent to followers. Three workers
// with basic authentication on REST and a bearer token on gRPC, on the real broker. A follower
// forwards REST writes (with the caller's credentials) and gRPC writes to the leader; a request
// already forwarded as far as it may go gets Kafka's 409; two creates of one name sent at the same
// time to two different followers give exactly one connector (one 201, one 409 already exists). A
// task restart sent to a worker that does not run the task is forwarded to the one that does.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCallError, AdminClient } from '../../src/cli/admin-client.js';
import { DistributedCluster, waitFor, type DistributedWorker } from '../support/distributed-workers.js';
import { kafkaBootstrapServers } from '../support/kafka.js';

const EXTENSION = 'org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension';
const AUTH = { authorization: `Basic ${Buffer.from('operator:forward-me-42').toString('base64')}` };
const TOKEN = 'distributed-admin-token-7';
const CONFLICTING = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';
const suffix = (): string => randomUUID().slice(0, 8);

describe('writes sent to followers are forwarded to the leader', () => {
  let cluster: DistributedCluster;
  let leader: DistributedWorker;
  let followers: DistributedWorker[];
  const directory = mkdtempSync(join(tmpdir(), 'pc-forwarding-'));
  const sink = (name: string): Record<string, string> => ({ 'connector.class': 'FileStreamSink', 'tasks.max': '1', topics: `${name}-topic`, file: join(directory, `${name}.txt`) });

  beforeAll(async () => {
    const users = join(directory, 'users.properties');
    writeFileSync(users, 'operator: forward-me-42\n');
    const token = join(directory, 'token');
    writeFileSync(token, `${TOKEN}\n`);
    cluster = new DistributedCluster({
      bootstrapServers: kafkaBootstrapServers(),
      properties: { 'rest.extension.classes': EXTENSION, 'rest.basic.auth.users.file': users, 'admin.grpc.listener': '127.0.0.1:0', 'admin.grpc.auth.token.file': token },
    });
    for (let i = 0; i < 3; i++) await cluster.start(i);
    // Every worker agrees on the leader once the last one joined.
    await waitFor(() => new Set(cluster.running.map((w) => w.leaderId)).size === 1 && cluster.running[0]!.leaderId !== undefined, 60_000, 'one leader');
    const leaderId = cluster.running[0]!.leaderId!;
    leader = cluster.running.find((w) => new URL(w.restUrl).host === leaderId)!;
    followers = cluster.running.filter((w) => w !== leader);
    expect(leader).toBeDefined();
    expect(followers).toHaveLength(2);
  }, 240_000);

  afterAll(async () => {
    await cluster?.stopAll();
  });

  it('carries out create, update, patch, stop, offsets and delete sent to a follower, with the caller\'s credentials', async () => {
    const follower = followers[0]!;
    const name = `fwd-${suffix()}`;
    const created = await follower.requestWithHeaders('POST', '/connectors', AUTH, { name, config: sink(name) });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.text)).toMatchObject({ name, config: { ...sink(name), name }, type: 'sink' });
    const updated = await follower.requestWithHeaders('PUT', `/connectors/${name}/config`, AUTH, { ...sink(name), 'tasks.max': '2' });
    expect(updated.status).toBe(200);
    const patched = await follower.requestWithHeaders('PATCH', `/connectors/${name}/config`, AUTH, { 'tasks.max': '3' });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text).config['tasks.max']).toBe('3');
    // Every worker reads the same config back.
    for (const worker of cluster.running) {
      await waitFor(async () => JSON.parse((await worker.requestWithHeaders('GET', `/connectors/${name}/config`, AUTH)).text)['tasks.max'] === '3', 30_000, 'the patched config');
    }
    expect((await follower.requestWithHeaders('PUT', `/connectors/${name}/stop`, AUTH)).status).toBe(204);
    let lastStatus = '';
    await waitFor(async () => {
      lastStatus = (await leader.requestWithHeaders('GET', `/connectors/${name}/status`, AUTH)).text;
      return JSON.parse(lastStatus).connector?.state === 'STOPPED';
    }, 30_000, 'STOPPED', () => `${lastStatus}\n${cluster.logText(40)}`);
    const reset = await follower.requestWithHeaders('DELETE', `/connectors/${name}/offsets`, AUTH);
    expect(reset.status).toBe(200);
    expect(JSON.parse(reset.text).message).toMatch(/offsets .*reset/i);
    // Without credentials the follower refuses before anything is forwarded.
    expect((await follower.requestWithHeaders('DELETE', `/connectors/${name}`, {})).status).toBe(401);
    expect((await follower.requestWithHeaders('DELETE', `/connectors/${name}`, AUTH)).status).toBe(204);
    expect((await leader.requestWithHeaders('GET', `/connectors/${name}`, AUTH)).status).toBe(404);
  }, 120_000);

  it('answers Kafka\'s 409 to a follower asked not to forward, and the leader carries it out', async () => {
    const name = `no-forward-${suffix()}`;
    const refused = await followers[1]!.requestWithHeaders('POST', '/connectors?forward=false', AUTH, { name, config: sink(name) });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text)).toEqual({ error_code: 409, message: CONFLICTING });
    expect((await leader.requestWithHeaders('GET', `/connectors/${name}`, AUTH)).status).toBe(404);
    expect((await leader.requestWithHeaders('POST', '/connectors?forward=false', AUTH, { name, config: sink(name) })).status).toBe(201);
  }, 60_000);

  it('creates one connector from two simultaneous creates of one name sent to two followers', async () => {
    for (let round = 0; round < 3; round++) {
      const name = `race-${suffix()}`;
      const answers = await Promise.all(followers.map((f) => f.requestWithHeaders('POST', '/connectors', AUTH, { name, config: sink(name) })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(JSON.parse(answers.find((a) => a.status === 409)!.text)).toEqual({ error_code: 409, message: `Connector ${name} already exists` });
    }
  }, 60_000);

  it('forwards gRPC writes from a follower to the leader with the caller\'s token', async () => {
    const clients = followers.map((f) => new AdminClient({ server: f.adminAddress!, token: TOKEN, timeoutMs: 30_000 }));
    try {
      const name = `grpc-fwd-${suffix()}`;
      const created = await clients[0]!.call('CreateConnector', { name, config: sink(name) });
      expect(created.info?.name).toBe(name);
      const duplicate = await clients[1]!.call('CreateConnector', { name, config: sink(name) }).then(() => undefined, (error: unknown) => error);
      expect(duplicate).toBeInstanceOf(AdminCallError);
      expect((duplicate as AdminCallError).code).toBe(grpc.status.ALREADY_EXISTS);
      expect((duplicate as AdminCallError).httpStatus).toBe(409);
      const patched = await clients[1]!.call('PatchConnectorConfig', { name, setConfig: { 'tasks.max': '2' }, removeKeys: [] });
      expect(patched.info?.config['tasks.max']).toBe('2');
      await clients[0]!.call('DeleteConnector', { name });
      // Simultaneous creates through both followers: the leader carries out one, refuses the other.
      for (let round = 0; round < 3; round++) {
        const raced = `grpc-race-${suffix()}`;
        const outcomes = await Promise.all(clients.map((c) => c.call('CreateConnector', { name: raced, config: sink(raced) }).then(() => 'OK', (error: AdminCallError) => grpc.status[error.code])));
        expect(outcomes.sort()).toEqual(['ALREADY_EXISTS', 'OK']);
      }
      expect((await leader.requestWithHeaders('GET', `/connectors/${name}`, AUTH)).status).toBe(404);
      // A wrong token is refused by the follower itself.
      const wrong = new AdminClient({ server: followers[0]!.adminAddress!, token: 'wrong', timeoutMs: 10_000 });
      const refused = await wrong.call('CreateConnector', { name, config: sink(name) }).then(() => undefined, (error: unknown) => error);
      wrong.close();
      expect((refused as AdminCallError).code).toBe(grpc.status.UNAUTHENTICATED);
    } finally {
      for (const client of clients) client.close();
    }
  }, 60_000);

  it('forwards a task restart to the worker running the task, over REST with credentials and over gRPC', async () => {
    const name = `restart-fwd-${suffix()}`;
    expect((await leader.requestWithHeaders('POST', '/connectors', AUTH, { name, config: { ...sink(name), 'tasks.max': '3' } })).status).toBe(201);
    const statusOf = async (): Promise<{ tasks: Array<{ id: number; state: string; worker_id: string }> }> => JSON.parse((await leader.requestWithHeaders('GET', `/connectors/${name}/status`, AUTH)).text);
    await waitFor(async () => {
      const status = await statusOf();
      return status.tasks?.length === 3 && status.tasks.every((t) => t.state === 'RUNNING');
    }, 60_000, 'three RUNNING tasks', () => cluster.logText());
    const task = (await statusOf()).tasks[0]!;
    const owner = cluster.running.find((w) => new URL(w.restUrl).host === task.worker_id)!;
    const other = cluster.running.find((w) => w !== owner)!;
    const starts = (): number => owner.logs.filter((l) => l.msg === 'Plugin process started' && l.label === `${name}-${task.id}`).length;
    expect(starts()).toBe(1);
    expect((await other.requestWithHeaders('POST', `/connectors/${name}/tasks/${task.id}/restart`, AUTH)).status).toBe(204);
    await waitFor(() => starts() === 2, 30_000, 'the task restarted on its worker');
    const client = new AdminClient({ server: other.adminAddress!, token: TOKEN, timeoutMs: 30_000 });
    try {
      await client.call('RestartTask', { name, taskId: task.id });
    } finally {
      client.close();
    }
    await waitFor(() => starts() === 3, 30_000, 'the task restarted again on its worker');
    const after = await statusOf();
    expect(after.tasks[task.id]!.worker_id).toBe(task.worker_id);
    // Every worker's gRPC API shows the same tasks on the same workers as REST.
    await waitFor(async () => (await statusOf()).tasks.every((t) => t.state === 'RUNNING'), 30_000, 'every task RUNNING');
    const rest = (await statusOf()).tasks.map((t) => [t.id, 'CONNECTOR_STATE_RUNNING', t.worker_id]);
    expect(new Set(rest.map((t) => t[2])).size).toBe(3);
    for (const worker of cluster.running) {
      const viewer = new AdminClient({ server: worker.adminAddress!, token: TOKEN, timeoutMs: 30_000 });
      try {
        const { status } = await viewer.call('GetConnectorStatus', { name });
        expect(status!.tasks.map((t) => [t.id, t.state, t.workerId])).toEqual(rest);
      } finally {
        viewer.close();
      }
    }
  }, 120_000);
});
