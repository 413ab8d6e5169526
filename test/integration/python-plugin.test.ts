// A connector written with the Python SDK in a real pipeline: a standalone worker runs the
// HTTP source (plugins/connectors/http-source-python, a Python plugin process) and the FileStream
// sink (a TypeScript plugin) against the real broker. A local HTTP server serves JSON records; they
// must reach the sink's file exactly once, also across a SIGKILL of the Python task's process and
// a restart of the task through REST, which resumes from the committed offset.
//
// Needs the repository's Python venv: plugins/sdk/python/setup-venv.sh (CI runs it first).

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { FILE_PLUGIN_DIR, REPO_ROOT, StandaloneWorker } from '../support/standalone-worker.js';

const HTTP_PLUGIN_DIR = join(REPO_ROOT, 'plugins/connectors/http-source-python');
const VENV_PYTHON = join(REPO_ROOT, '.cache/python-venv/bin/python');

interface Item {
  id: number;
  name: string;
}

/** GET /items?since=N answers the items with id > N, as a JSON array; requests are recorded. */
class ItemsServer {
  readonly items: Item[] = [];
  readonly sinceValues: Array<string | null> = [];
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<ItemsServer> {
    let self: ItemsServer | undefined;
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const since = url.searchParams.get('since');
      self!.sinceValues.push(since);
      const items = self!.items.filter((item) => since === null || item.id > Number(since));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(items));
    });
    self = new ItemsServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/items`;
  }

  add(from: number, to: number): void {
    for (let id = from; id <= to; id++) this.items.push({ id, name: `item-${id}` });
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');
}

/** What FileStreamSink writes for a schemaless {id, name} map: Java's Map.toString. */
function expectedLines(from: number, to: number): string[] {
  const expected: string[] = [];
  for (let id = from; id <= to; id++) expected.push(`{id=${id}, name=item-${id}}`);
  return expected;
}

function committedOffset(directory: string, url: string): unknown {
  const file = join(directory, 'connect.offsets');
  if (!existsSync(file)) return undefined;
  const entries = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { key: [string, { url?: string }]; value: { offset?: unknown } });
  return entries.find((entry) => entry.key[0] === 'http-source' && entry.key[1].url === url)?.value.offset;
}

describe('a Python plugin (HTTP source) in a real pipeline', () => {
  let worker: StandaloneWorker | undefined;
  let items: ItemsServer;
  const directory = mkdtempSync(join(tmpdir(), 'pc-python-'));
  const output = join(directory, 'out.txt');
  const topic = `python-http-${Date.now()}`;

  beforeAll(async () => {
    if (!existsSync(VENV_PYTHON)) {
      throw new Error(`The Python venv ${VENV_PYTHON} is missing: run plugins/sdk/python/setup-venv.sh (it creates .cache/python-venv with the Python SDK)`);
    }
    items = await ItemsServer.start();
    items.add(1, 50);
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: {
        'plugin.path': `${HTTP_PLUGIN_DIR},${FILE_PLUGIN_DIR}`,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'false',
        'offset.flush.interval.ms': '300',
      },
      connectors: [
        {
          name: 'http-source',
          'connector.class': 'HttpSource',
          'http.url': items.url,
          topic,
          'offset.field': 'id',
          'key.field': 'id',
          'poll.interval.ms': '200',
        },
        { name: 'file-sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
  });

  afterAll(async () => {
    await items?.close();
    if (worker) expect(await worker.stop('SIGTERM')).toBe(0);
  });

  it('lists the Python connector with its config definitions', async () => {
    const plugins = await worker!.get<Array<{ class: string; type: string; version: string }>>('/connector-plugins');
    expect(plugins.body).toContainEqual(expect.objectContaining({ class: 'io.polyconnect.http.HttpSourceConnector', type: 'source', version: '0.1.0' }));
    const config = await worker!.get<Array<{ name: string }>>('/connector-plugins/HttpSource/config');
    expect(config.status).toBe(200);
    expect(config.body.map((key) => key.name)).toEqual(expect.arrayContaining(['http.url', 'topic', 'poll.interval.ms', 'json.records.path', 'offset.field']));
  });

  it('moves the records from HTTP through Kafka into the file, each once, in order', async () => {
    await worker!.waitFor(() => lines(output).length >= 50, 60_000, 'the first 50 records in the sink file');
    items.add(51, 60);
    await worker!.waitFor(() => lines(output).length >= 60, 30_000, 'records 51-60 in the sink file');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // nothing more may arrive
    expect(lines(output)).toEqual(expectedLines(1, 60));
    // The Python plugin's JSON log lines reach the worker log with the connector and task names.
    expect(worker!.logs).toContainEqual(
      expect.objectContaining({ source: 'plugin', plugin: 'http-source-python', connector: 'http-source', task: 0, msg: 'HttpSourceTask started' }),
    );
  });

  it('fails the task when its Python process is SIGKILLed and resumes from the committed offset on restart', async () => {
    await worker!.waitFor(() => committedOffset(directory, items.url) === 60, 30_000, 'offset 60 in the offset file');
    const pid = worker!.pluginPid('http-source-0');
    expect(pid, 'the "Plugin process started" log line for http-source-0').toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');

    let trace = '';
    await worker!.waitFor(async () => {
      const task = (await worker!.status('http-source'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 20_000, 'the HTTP source task to be FAILED');
    expect(trace).toContain('was killed by signal SIGKILL');
    expect(trace).toContain(`pid ${pid}`);
    expect((await worker!.status('http-source'))?.connector.state).toBe('RUNNING');
    expect((await worker!.status('file-sink'))?.tasks.map((task) => task.state)).toEqual(['RUNNING']);

    items.add(61, 80); // arrive while the task is down
    const requestsBefore = items.sinceValues.length;
    const restart = await worker!.post('/connectors/http-source/tasks/0/restart');
    expect(restart.status).toBe(204);
    await worker!.waitFor(async () => (await worker!.status('http-source'))?.tasks[0]?.state === 'RUNNING', 30_000, 'the task to run again');
    expect(worker!.pluginPid('http-source-0')).not.toBe(pid);
    await worker!.waitFor(() => lines(output).length >= 80, 30_000, 'records 61-80 in the sink file');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(lines(output)).toEqual(expectedLines(1, 80)); // nothing lost, nothing repeated
    expect(items.sinceValues[requestsBefore]).toBe('60'); // the new process asked from the committed offset
  });
});
