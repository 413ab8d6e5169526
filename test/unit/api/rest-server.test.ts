// RestServer over a fake Herder, called with fetch on an ephemeral port: GET / and the connector
// list (trailing slash, repeated expand), error bodies for herder errors, unknown routes (404),
// wrong methods (405) and unexpected errors (500), connector and task restart (204 / 202, lenient
// booleans, a non-numeric task id is a 404), and connector-plugins' connectorsOnly default.

import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RestServer } from '../../../src/api/rest/rest-server.js';
import type { ConfigInfos, ConfigKeyInfo, ConnectorInfo, ConnectorOffsets, ConnectorStateInfo, Herder, PluginInfo, RestartRequest, ServerInfo, TargetState, TaskInfo, TaskStateEntry, WorkerHealth } from '../../../src/herder/herder.js';
import { AlreadyExistsError, NotFoundError } from '../../../src/herder/herder-errors.js';

const SERVER_INFO: ServerInfo = { version: '3.9.0', commit: '0123456789abcdef', kafka_cluster_id: 'AAAAAAAAAAAAAAAAAAAAAA' };

function stateOf(name: string, state = 'RUNNING'): ConnectorStateInfo {
  return { name, connector: { state, worker_id: '127.0.0.1:8083' }, tasks: [{ id: 0, state, worker_id: '127.0.0.1:8083' }], type: 'source' };
}

function infoOf(name: string): ConnectorInfo {
  return { name, config: { name, 'connector.class': 'FileStreamSource' }, tasks: [{ connector: name, task: 0 }], type: 'source' };
}

/** A Herder whose answers each test can set, recording the calls it gets. */
class FakeHerder implements Herder {
  names: string[] = [];
  calls: Array<[string, ...unknown[]]> = [];
  /** Per-method override; throws or returns instead of the default answer. */
  override: Partial<Record<keyof Herder, (...args: never[]) => unknown>> = {};

  #call<T>(method: keyof Herder, args: unknown[], fallback: () => T): T {
    this.calls.push([method, ...args]);
    const override = this.override[method] as ((...a: unknown[]) => T) | undefined;
    return override !== undefined ? override(...args) : fallback();
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  serverInfo(): ServerInfo {
    return this.#call('serverInfo', [], () => SERVER_INFO);
  }
  connectors(): string[] {
    return this.#call('connectors', [], () => this.names);
  }
  connectorInfo(name: string): ConnectorInfo {
    return this.#call('connectorInfo', [name], () => infoOf(name));
  }
  connectorStatus(name: string): ConnectorStateInfo {
    return this.#call('connectorStatus', [name], () => stateOf(name));
  }
  taskStatus(name: string, taskId: number): TaskStateEntry {
    return this.#call('taskStatus', [name, taskId], () => ({ id: taskId, state: 'RUNNING', worker_id: '127.0.0.1:8083' }));
  }
  async putConnectorConfig(name: string, config: Record<string, string>, allowReplace: boolean): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.#call('putConnectorConfig', [name, config, allowReplace], () => ({ created: true, info: infoOf(name) }));
  }
  async restartConnector(name: string, request: RestartRequest): Promise<ConnectorStateInfo | undefined> {
    return this.#call('restartConnector', [name, request], () => (request.includeTasks || request.onlyFailed ? stateOf(name, 'RESTARTING') : undefined));
  }
  async restartTask(name: string, taskId: number): Promise<void> {
    return this.#call('restartTask', [name, taskId], () => undefined);
  }
  async createConnector(name: string, config: Record<string, string>, initialState?: TargetState): Promise<ConnectorInfo> {
    return this.#call('createConnector', [name, config, initialState], () => infoOf(name));
  }
  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    return this.#call('patchConnectorConfig', [name, patch], () => infoOf(name));
  }
  async deleteConnector(name: string): Promise<void> {
    return this.#call('deleteConnector', [name], () => undefined);
  }
  connectorConfig(name: string): Record<string, string> {
    return this.#call('connectorConfig', [name], () => ({ name, 'connector.class': 'FileStreamSink' }));
  }
  taskConfigs(name: string): TaskInfo[] {
    return this.#call('taskConfigs', [name], () => [{ id: { connector: name, task: 0 }, config: { 'task.class': 'T' } }]);
  }
  async connectorOffsets(name: string): Promise<ConnectorOffsets> {
    return this.#call('connectorOffsets', [name], () => ({ offsets: [] }));
  }
  async alterConnectorOffsets(name: string, body: unknown): Promise<{ message: string }> {
    return this.#call('alterConnectorOffsets', [name, body], () => ({ message: 'altered' }));
  }
  async resetConnectorOffsets(name: string): Promise<{ message: string }> {
    return this.#call('resetConnectorOffsets', [name], () => ({ message: 'reset' }));
  }
  connectorActiveTopics(name: string): string[] {
    return this.#call('connectorActiveTopics', [name], () => ['t1']);
  }
  resetConnectorActiveTopics(name: string): void {
    this.#call('resetConnectorActiveTopics', [name], () => undefined);
  }
  async validateConnectorConfig(pluginName: string, config: Record<string, string>): Promise<ConfigInfos> {
    return this.#call('validateConnectorConfig', [pluginName, config], () => ({ name: config['connector.class'] ?? '', error_count: 0, groups: [], configs: [] }));
  }
  async connectorPluginConfig(pluginName: string): Promise<ConfigKeyInfo[]> {
    return this.#call('connectorPluginConfig', [pluginName], () => []);
  }
  health(): WorkerHealth {
    return this.#call('health', [], () => ({ status: 'healthy', message: 'ok' }));
  }
  async setClusterLoggerLevel(namespace: string, level: string): Promise<void> {
    return this.#call('setClusterLoggerLevel', [namespace, level], () => undefined);
  }
  async pauseConnector(name: string): Promise<void> {
    return this.#call('pauseConnector', [name], () => undefined);
  }
  async resumeConnector(name: string): Promise<void> {
    return this.#call('resumeConnector', [name], () => undefined);
  }
  async stopConnector(name: string): Promise<void> {
    return this.#call('stopConnector', [name], () => undefined);
  }
  connectorPlugins(connectorsOnly: boolean): PluginInfo[] {
    return this.#call('connectorPlugins', [connectorsOnly], () => [
      { class: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', version: '0.1.0' },
      { class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', version: '0.1.0' },
    ]);
  }
}

const herder = new FakeHerder();
const server = new RestServer(herder, pino({ level: 'silent' }));
let base: string;

beforeAll(async () => {
  const bound = await server.start(['http://127.0.0.1:0']);
  expect(bound).toHaveLength(1);
  expect(bound[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(bound[0]).not.toBe('http://127.0.0.1:0');
  base = bound[0]!;
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  herder.names = ['a', 'b'];
  herder.calls = [];
  herder.override = {};
});

async function call(method: string, path: string): Promise<{ status: number; body: unknown; text: string; type: string | null }> {
  const response = await fetch(`${base}${path}`, { method });
  const text = await response.text();
  return { status: response.status, text, body: text === '' ? undefined : JSON.parse(text), type: response.headers.get('content-type') };
}

describe('RestServer: root and connector list', () => {
  it('answers GET / with the server info as compact JSON', async () => {
    const response = await call('GET', '/');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    expect(response.text).toBe(JSON.stringify(SERVER_INFO));
  });

  it.each(['/connectors', '/connectors/', '/connectors//'])('answers GET %s with the connector names', async (path) => {
    const response = await call('GET', path);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(['a', 'b']);
  });

  it('expands status and info when expand is repeated', async () => {
    const response = await call('GET', '/connectors?expand=status&expand=info');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ a: { status: stateOf('a'), info: infoOf('a') }, b: { status: stateOf('b'), info: infoOf('b') } });
  });

  it('expands only what was asked for, and ignores unknown or comma-joined expansions', async () => {
    expect((await call('GET', '/connectors?expand=info')).body).toEqual({ a: { info: infoOf('a') }, b: { info: infoOf('b') } });
    expect((await call('GET', '/connectors?expand=status,info')).body).toEqual({ a: {}, b: {} });
    expect((await call('GET', '/connectors?expand=bogus')).body).toEqual({ a: {}, b: {} });
  });

  it('leaves out a connector that has no status yet', async () => {
    herder.override.connectorStatus = ((name: string) => {
      if (name === 'a') throw new NotFoundError('No status found for connector a');
      return stateOf(name);
    }) as never;
    expect((await call('GET', '/connectors?expand=status')).body).toEqual({ b: { status: stateOf('b') } });
  });

  it('answers an empty list as []', async () => {
    herder.names = [];
    expect((await call('GET', '/connectors')).text).toBe('[]');
    expect((await call('GET', '/connectors?expand=status')).text).toBe('{}');
  });
});

describe('RestServer: single connector reads', () => {
  it('answers GET /connectors/{c} and /status, decoding the name', async () => {
    expect((await call('GET', '/connectors/my%20conn')).body).toEqual(infoOf('my conn'));
    expect((await call('GET', '/connectors/a/status/')).body).toEqual(stateOf('a'));
    expect(herder.calls).toEqual([['connectorInfo', 'my conn'], ['connectorStatus', 'a']]);
  });

  it('answers a NotFoundError with 404 and Kafka error body', async () => {
    herder.override.connectorStatus = (() => {
      throw new NotFoundError('No status found for connector x');
    }) as never;
    const response = await call('GET', '/connectors/x/status');
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/json');
    expect(response.text).toBe('{"error_code":404,"message":"No status found for connector x"}');
  });

  it('passes other herder error statuses through', async () => {
    herder.override.connectorInfo = (() => {
      throw new AlreadyExistsError('Connector a already exists');
    }) as never;
    const response = await call('GET', '/connectors/a');
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error_code: 409, message: 'Connector a already exists' });
  });

  it('answers GET /connectors/{c}/tasks/{t}/status with a numeric task id', async () => {
    const response = await call('GET', '/connectors/a/tasks/3/status');
    expect(response.body).toEqual({ id: 3, state: 'RUNNING', worker_id: '127.0.0.1:8083' });
    expect(herder.calls).toEqual([['taskStatus', 'a', 3]]);
  });

  it('answers a task id that is not a number with 404 without asking the herder', async () => {
    const response = await call('GET', '/connectors/a/tasks/x/status');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    expect(herder.calls).toEqual([]);
  });

  it('answers an unexpected error with 500 and its message', async () => {
    herder.override.connectorInfo = (() => {
      throw new TypeError('boom');
    }) as never;
    const response = await call('GET', '/connectors/a');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error_code: 500, message: 'boom' });
  });

  it('answers a thrown non-Error with 500 and its text', async () => {
    herder.override.connectors = (() => {
      throw 'plain string';
    }) as never;
    expect((await call('GET', '/connectors')).body).toEqual({ error_code: 500, message: 'plain string' });
  });
});

describe('RestServer: routing errors', () => {
  it.each(['/nope', '/connectors/a/b/c', '/connectors/a/unknown', '/connector-plugins/x/y/z'])('answers GET %s with 404 HTTP 404 Not Found', async (path) => {
    const response = await call('GET', path);
    expect(response.status).toBe(404);
    expect(response.text).toBe('{"error_code":404,"message":"HTTP 404 Not Found"}');
  });

  it.each([
    ['DELETE', '/'],
    ['POST', '/connector-plugins'],
    ['GET', '/connectors/a/restart'],
    ['PUT', '/connectors/a/status'],
    ['GET', '/connectors/a/tasks/0/restart'],
  ])('answers %s %s with 405 HTTP 405 Method Not Allowed', async (method, path) => {
    const response = await call(method, path);
    expect(response.status).toBe(405);
    expect(response.text).toBe('{"error_code":405,"message":"HTTP 405 Method Not Allowed"}');
    expect(herder.calls).toEqual([]);
  });
});

describe('RestServer: restarts', () => {
  it('restarts only the connector without flags: 204 with an empty body', async () => {
    const response = await call('POST', '/connectors/a/restart');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(herder.calls).toEqual([['restartConnector', 'a', { includeTasks: false, onlyFailed: false }]]);
  });

  it('answers includeTasks=true with 202 and the status to be', async () => {
    const response = await call('POST', '/connectors/a/restart?includeTasks=true');
    expect(response.status).toBe(202);
    expect(response.body).toEqual(stateOf('a', 'RESTARTING'));
    expect(herder.calls).toEqual([['restartConnector', 'a', { includeTasks: true, onlyFailed: false }]]);
  });

  it('parses the flags leniently: true in any case is true, anything else false', async () => {
    await call('POST', '/connectors/a/restart?includeTasks=TRUE&onlyFailed=yes');
    await call('POST', '/connectors/a/restart/?includeTasks=1&onlyFailed=True');
    await call('POST', '/connectors/a/restart?includeTasks=&onlyFailed=false&other=true');
    expect(herder.calls).toEqual([
      ['restartConnector', 'a', { includeTasks: true, onlyFailed: false }],
      ['restartConnector', 'a', { includeTasks: false, onlyFailed: true }],
      ['restartConnector', 'a', { includeTasks: false, onlyFailed: false }],
    ]);
  });

  it('answers an unknown connector on restart with 404', async () => {
    herder.override.restartConnector = (async () => {
      throw new NotFoundError('Unknown connector: zz');
    }) as never;
    const response = await call('POST', '/connectors/zz/restart');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error_code: 404, message: 'Unknown connector: zz' });
  });

  it('restarts a task: 204 with the numeric id', async () => {
    const response = await call('POST', '/connectors/a/tasks/12/restart');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(herder.calls).toEqual([['restartTask', 'a', 12]]);
  });

  it.each(['abc', '-1', '1.0', '0x1'])('answers task restart with id %s with 404, without asking the herder', async (id) => {
    const response = await call('POST', `/connectors/a/tasks/${id}/restart`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    expect(herder.calls).toEqual([]);
  });
});

describe('RestServer: connector plugins', () => {
  it('lists connectors only by default', async () => {
    const response = await call('GET', '/connector-plugins');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(herder.connectorPlugins(true));
    expect(herder.calls[0]).toEqual(['connectorPlugins', true]);
  });

  it.each([
    ['?connectorsOnly=false', false],
    ['?connectorsOnly=TRUE', true],
    ['?connectorsOnly=nope', false],
    ['/', true],
  ])('passes connectorsOnly for %s as %s', async (suffix, expected) => {
    await call('GET', `/connector-plugins${suffix}`);
    expect(herder.calls).toEqual([['connectorPlugins', expected]]);
  });
});

describe('RestServer: pause, resume and stop', () => {
  it.each([
    ['pause', 202, 'pauseConnector'],
    ['resume', 202, 'resumeConnector'],
    ['stop', 204, 'stopConnector'],
  ] as const)('PUT /connectors/a/%s answers %i with no body', async (action, status, method) => {
    const response = await call('PUT', `/connectors/a/${action}`);
    expect(response.status).toBe(status);
    expect(response.text).toBe('');
    expect(herder.calls).toEqual([[method, 'a']]);
  });

  it('answers an unknown connector with Kafka’s 404 body', async () => {
    herder.override.pauseConnector = () => Promise.reject(new NotFoundError('Unknown connector nope'));
    const response = await call('PUT', '/connectors/nope/pause');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error_code: 404, message: 'Unknown connector nope' });
  });

  it('answers POST on the pause route with 405', async () => {
    expect((await call('POST', '/connectors/a/pause')).status).toBe(405);
  });
});
