// /admin/loggers on the REST server over a fake herder: PUT without a scope, with scope=worker or
// an unknown scope changes this worker's level and answers 200 with the namespaces changed;
// scope=cluster (KIP-976, any case) hands the level to the herder's setClusterLoggerLevel, changes
// nothing here itself and answers 204; an unknown level is Kafka's 404 whatever the scope.
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RestServer } from '../../../src/api/rest/rest-server.js';
import { LoggerLevels } from '../../../src/logging.js';
import { FakeHerder } from './grpc-fake-herder.js';

const herder = new FakeHerder();
let loggers: LoggerLevels;
let server: RestServer;
let base: string;

async function put(path: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  loggers = new LoggerLevels('silent');
  server = new RestServer(herder, pino({ level: 'silent' }), { loggers });
  base = (await server.start(['http://127.0.0.1:0']))[0]!;
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  herder.calls = [];
  herder.fail = {};
});

const clusterCalls = (): unknown[] => herder.calls.filter(([method]) => method === 'setClusterLoggerLevel');

describe('PUT /admin/loggers/{name}', () => {
  it('sets the level on this worker without a scope, with scope=worker and with an unknown scope', async () => {
    for (const [query, namespace] of [['', 'a.none'], ['?scope=worker', 'a.worker'], ['?scope=WORKER', 'a.upper'], ['?scope=galaxy', 'a.unknown']] as const) {
      expect(await put(`/admin/loggers/${namespace}${query}`, { level: 'debug' })).toEqual({ status: 200, text: JSON.stringify([namespace]) });
      expect(loggers.get(namespace)?.level).toBe('DEBUG');
    }
    expect(clusterCalls()).toEqual([]);
  });

  it('hands scope=cluster to the herder and answers 204 with no body', async () => {
    expect(await put('/admin/loggers/b.cluster?scope=cluster', { level: 'trace' })).toEqual({ status: 204, text: '' });
    expect(await put('/admin/loggers/b.other?scope=Cluster', { level: 'WARN' })).toEqual({ status: 204, text: '' });
    expect(clusterCalls()).toEqual([
      ['setClusterLoggerLevel', 'b.cluster', 'trace'],
      ['setClusterLoggerLevel', 'b.other', 'WARN'],
    ]);
    // The herder applies it (here: a fake that does not), not the route.
    expect(loggers.get('b.cluster')).toBeUndefined();
  });

  it("answers an unknown level with Kafka's 404 in both scopes, without asking the herder", async () => {
    for (const query of ['', '?scope=cluster']) {
      expect(await put(`/admin/loggers/c.bad${query}`, { level: 'LOUD' })).toEqual({ status: 404, text: JSON.stringify({ error_code: 404, message: "invalid log level 'LOUD'." }) });
    }
    expect(clusterCalls()).toEqual([]);
    expect(loggers.get('c.bad')).toBeUndefined();
  });

  it("passes the herder's failure to write the level through", async () => {
    herder.fail.setClusterLoggerLevel = new Error('Error writing logger level to Kafka');
    const answer = await put('/admin/loggers/d.fail?scope=cluster', { level: 'INFO' });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.text)).toEqual({ error_code: 500, message: 'Error writing logger level to Kafka' });
  });
});
