// The `polyconnect` admin subcommands as a user runs them: `node bin/polyconnect.js ...` against a
// real standalone worker's gRPC admin API, checking tables, --output json, messages on stderr and
// the exit codes scripts rely on (0 ok, 1 server error, 2 usage, 3 not found, 4 no connection),
// `status --watch` printing a state change live until Ctrl-C, and the worker-level commands
// (task configs, active topics, loggers, server-info, health) checked against the REST API.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { REPO_ROOT, StandaloneWorker, freePort } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-cli-e2e-'));
const input = join(directory, 'in.txt');
const output = join(directory, 'out.txt');
const topic = `cli-${Date.now()}`;
const BIN = join(REPO_ROOT, 'bin/polyconnect.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('polyconnect CLI', () => {
  let worker: StandaloneWorker;
  let address: string;

  async function polyconnect(...args: string[]): Promise<Result> {
    const result = await execa(process.execPath, [BIN, ...args], { reject: false, env: { POLYCONNECT_ADMIN_ADDR: address }, timeout: 60_000 });
    return { code: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  }

  async function json<T = any>(...args: string[]): Promise<T> {
    const result = await polyconnect(...args, '--output', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  }

  async function waitForStates(name: string, wanted: string[]): Promise<void> {
    await worker.waitFor(
      async () => {
        const result = await polyconnect('status', name, '-o', 'json');
        if (result.code !== 0) return false;
        const { status } = JSON.parse(result.stdout);
        return JSON.stringify([status.connector.state, ...status.tasks.map((t: { state: string }) => t.state)]) === JSON.stringify(wanted.map((s) => `CONNECTOR_STATE_${s}`));
      },
      30_000,
      `${name} to be ${wanted.join(',')}`,
    );
  }

  beforeAll(async () => {
    writeFileSync(input, 'one\ntwo\nthree\n');
    writeFileSync(join(directory, 'source.json'), JSON.stringify({ name: 'source', config: { 'connector.class': 'FileStreamSource', file: input, topic } }));
    writeFileSync(join(directory, 'sink.properties'), `name=sink\nconnector.class=FileStreamSink\nfile=${output}\ntopics=${topic}\n`);
    address = `127.0.0.1:${await freePort()}`;
    worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory, properties: { 'admin.grpc.listener': address } });
    await worker.waitFor(() => worker.logs.some((line) => line.msg === 'gRPC admin API listening'), 10_000, 'the gRPC admin API');
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('lists no connectors, then creates them from .json and .properties files', async () => {
    expect(await polyconnect('list')).toEqual({ code: 0, stdout: 'No connectors.', stderr: '' });
    expect(await json('list')).toEqual({ connectors: [] });
    expect(await polyconnect('create', '-f', join(directory, 'source.json'))).toEqual({ code: 0, stdout: 'Created connector source', stderr: '' });
    const created = await json('create', '-f', join(directory, 'sink.properties'));
    expect(created).toEqual({ info: { name: 'sink', config: { name: 'sink', 'connector.class': 'FileStreamSink', file: output, topics: topic }, tasks: [{ connector: 'sink', task: 0 }], type: 'CONNECTOR_TYPE_SINK' } });
    await waitForStates('source', ['RUNNING', 'RUNNING']);
    await waitForStates('sink', ['RUNNING', 'RUNNING']);
    await worker.waitFor(() => fileSize(output) === 14, 30_000, 'the lines to arrive');

    const table = await polyconnect('list');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')).toEqual([
      expect.stringMatching(/^NAME +TYPE +STATE +TASKS +CLASS$/),
      expect.stringMatching(/^sink +sink +RUNNING +1 RUNNING +FileStreamSink$/),
      expect.stringMatching(/^source +source +RUNNING +1 RUNNING +FileStreamSource$/),
    ]);
    const listed = await json('list');
    expect(listed.connectors.map((c: any) => [c.name, c.status.connector.state])).toEqual(expect.arrayContaining([['source', 'CONNECTOR_STATE_RUNNING'], ['sink', 'CONNECTOR_STATE_RUNNING']]));
  });

  it('describes a connector and shows its status as a table and as JSON', async () => {
    const described = await polyconnect('describe', 'source');
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^Name: +source\nType: +source\nClass: +FileStreamSource\nState: +RUNNING on \S+\nTasks: +1 RUNNING\n/);
    expect(described.stdout).toMatch(new RegExp(`\\n  file +${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    const status = await polyconnect('status', 'sink');
    expect(status.stdout.split('\n')).toEqual(['sink (sink)', expect.stringMatching(/^WHAT +STATE +WORKER +TRACE$/), expect.stringMatching(/^connector +RUNNING +\S+$/), expect.stringMatching(/^task 0 +RUNNING +\S+$/)]);
    expect((await json('status', 'sink')).status).toMatchObject({ name: 'sink', type: 'CONNECTOR_TYPE_SINK', tasks: [{ id: 0, state: 'CONNECTOR_STATE_RUNNING' }] });
  });

  it('shows task configs and the topics each connector used, and resets them', async () => {
    const tasks = await polyconnect('tasks', 'source');
    expect(tasks.code).toBe(0);
    expect(tasks.stdout).toMatch(/^TASK +KEY +VALUE\n/);
    expect(tasks.stdout).toMatch(new RegExp(`\\n0 +file +${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\n|$)`));
    expect(tasks.stdout).toMatch(new RegExp(`\\n0 +topic +${topic}(\\n|$)`));
    const taskConfigs = (await json('tasks', 'source')).tasks;
    expect(taskConfigs).toEqual([{ id: { connector: 'source', task: 0 }, config: expect.objectContaining({ file: input, topic }) }]);
    expect(await polyconnect('tasks', 'nope')).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Connector nope not found' });

    expect(await polyconnect('topics', 'source')).toEqual({ code: 0, stdout: `TOPIC\n${topic}`, stderr: '' });
    expect(await json('topics', 'sink')).toEqual({ topics: [topic] });
    expect(await polyconnect('topics', 'reset', 'source')).toEqual({ code: 0, stdout: 'Reset the active topics of connector source', stderr: '' });
    expect(await polyconnect('topics', 'source')).toEqual({ code: 0, stdout: 'No active topics.', stderr: '' });
    expect(await json('topics', 'source')).toEqual({ topics: [] });
    expect((await worker.get<Record<string, { topics: string[] }>>('/connectors/source/topics')).body).toEqual({ source: { topics: [] } });
    expect(await json('topics', 'sink')).toEqual({ topics: [topic] });
    expect((await polyconnect('topics', 'nope')).code).toBe(3);
    expect((await polyconnect('topics', 'reset', 'nope')).code).toBe(3);
    expect((await polyconnect('topics', 'clear', 'source')).code).toBe(2);
  });

  it('pauses, resumes, restarts and stops', async () => {
    expect(await polyconnect('pause', 'source')).toEqual({ code: 0, stdout: 'Paused connector source', stderr: '' });
    await waitForStates('source', ['PAUSED', 'PAUSED']);
    expect((await polyconnect('resume', 'source')).stdout).toBe('Resumed connector source');
    await waitForStates('source', ['RUNNING', 'RUNNING']);
    expect((await polyconnect('restart', 'source')).stdout).toBe('Restarted connector source');
    expect((await polyconnect('restart', 'source', '--task', '0')).stdout).toBe('Restarted task 0 of connector source');
    const restarted = await polyconnect('restart', 'source', '--include-tasks');
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).toMatch(/^Restart requested\nsource \(source\)\n/);
    expect(restarted.stdout).toMatch(/task 0 +RESTARTING/);
    await waitForStates('source', ['RUNNING', 'RUNNING']);
    expect((await polyconnect('stop', 'source')).stdout).toBe('Stopped connector source');
    await waitForStates('source', ['STOPPED']);
  });

  it('reads, alters and resets offsets (only of a STOPPED connector)', async () => {
    const offsets = await polyconnect('offsets', 'get', 'source');
    expect(offsets.stdout).toMatch(/^PARTITION +OFFSET\n\{"filename":"[^"]+in\.txt"\} +\{"position":14\}$/);
    const offsetsFile = join(directory, 'offsets.json');
    writeFileSync(offsetsFile, JSON.stringify({ offsets: [{ partition: { filename: input }, offset: { position: 4 } }] }));
    expect((await polyconnect('offsets', 'alter', 'source', '-f', offsetsFile)).stdout).toMatch(/have been altered successfully/);
    expect(await json('offsets', 'get', 'source')).toEqual({ offsets: [{ partition: { filename: input }, offset: { position: 4 } }] });
    expect((await polyconnect('offsets', 'reset', 'source')).stdout).toMatch(/have been reset successfully/);
    expect((await polyconnect('offsets', 'get', 'source')).stdout).toBe('No offsets.');
    // Group connect-sink may hold other test files' topics too (same broker, same connector name).
    const sinkOffsets = (await json('offsets', 'get', 'sink')).offsets.filter((o: any) => o.partition.kafka_topic === topic);
    expect(sinkOffsets).toEqual([{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 3 } }]);

    const refused = await polyconnect('offsets', 'reset', 'sink');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^polyconnect: Connectors must be in the STOPPED state before their offsets can be modified/);
    expect((await polyconnect('resume', 'source')).code).toBe(0);
  });

  it('lists plugins and validates config files', async () => {
    const plugins = await polyconnect('plugins');
    expect(plugins.stdout).toMatch(/^CLASS +TYPE +VERSION\n/);
    expect(plugins.stdout).toMatch(/\norg\.apache\.kafka\.connect\.file\.FileStreamSourceConnector +source +\S+/);
    expect(plugins.stdout).not.toMatch(/transformation/);
    expect((await polyconnect('plugins', '--all')).stdout).toMatch(/\norg\.apache\.kafka\.connect\.transforms\.Filter +transformation/);

    const valid = await polyconnect('validate', '-f', join(directory, 'sink.properties'));
    expect(valid).toEqual({ code: 0, stdout: expect.stringMatching(/^The config is valid for FileStreamSink \(\d+ keys checked\)\.$/), stderr: '' });
    writeFileSync(join(directory, 'bad.json'), JSON.stringify({ name: 'bad', 'connector.class': 'FileStreamSink', topics: 't', 'tasks.max': 'zero' }));
    const invalid = await polyconnect('validate', '-f', join(directory, 'bad.json'));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/\ntasks\.max +zero +Invalid value zero for configuration tasks\.max: Not a number of type INT\n/);
    expect(invalid.stderr).toMatch(/^The config has errors in \d+ key\(s\)$/);
    expect((await json('validate', '-f', join(directory, 'sink.properties'))).errorCount).toBe(0);
  });

  it('shows server info and health, and lists, reads and sets logger levels', async () => {
    const clusterId = (await worker.get<{ kafka_cluster_id: string }>('/')).body.kafka_cluster_id;
    expect(clusterId).not.toBe('');
    const info = await polyconnect('server-info');
    expect(info).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^Version: +4\\.1\\.2\\nCommit: +[0-9a-f]{16}\\nKafka cluster id: +${clusterId}$`)), stderr: '' });
    expect(await json('server-info')).toEqual({ version: '4.1.2', commit: expect.stringMatching(/^[0-9a-f]{16}$/), kafkaClusterId: clusterId });
    expect(await polyconnect('health')).toEqual({ code: 0, stdout: 'Status:   HEALTHY\nMessage:  Worker has completed startup and is ready to handle requests.', stderr: '' });
    expect(await json('health')).toEqual({ status: 'WORKER_HEALTH_STATUS_HEALTHY', message: 'Worker has completed startup and is ready to handle requests.' });

    const namespace = `org.apache.kafka.connect.cli${Date.now()}`;
    const before = await polyconnect('loggers');
    expect(before.code).toBe(0);
    expect(before.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^LOGGER +LEVEL +LAST MODIFIED$/), expect.stringMatching(/^root +INFO +-$/)]);
    expect(await polyconnect('loggers', 'set', namespace, 'debug')).toEqual({ code: 0, stdout: `Set ${namespace} to DEBUG`, stderr: '' });
    expect((await worker.get<{ level: string }>(`/admin/loggers/${namespace}`)).body.level).toBe('DEBUG');
    expect((await polyconnect('loggers')).stdout).toMatch(new RegExp(`\\n${namespace.replace(/\./g, '\\.')} +DEBUG +\\d{4}-\\d\\d-\\d\\dT\\S+Z(\\n|$)`));
    const got = await json('loggers', 'get', namespace);
    expect(got.logger).toEqual({ logger: namespace, level: 'LOG_LEVEL_DEBUG', lastModified: expect.stringMatching(/Z$/) });
    expect(Math.abs(Date.parse(got.logger.lastModified) - Date.now())).toBeLessThan(60_000);
    expect(await polyconnect('loggers', 'get', 'no.such.logger')).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Logger no.such.logger not found.' });
    const badLevel = await polyconnect('loggers', 'set', namespace, 'loud');
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toMatch(/^polyconnect: LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF; got loud\n/);
    expect((await worker.get<{ level: string }>(`/admin/loggers/${namespace}`)).body.level).toBe('DEBUG');
  });

  it('exits 1, 2, 3 and 4 as documented', async () => {
    const duplicate = await polyconnect('create', '-f', join(directory, 'source.json'));
    expect(duplicate).toEqual({ code: 1, stdout: '', stderr: 'polyconnect: Connector source already exists' });
    expect(await polyconnect('describe', 'nope')).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Connector nope not found' });
    expect((await polyconnect('pause', 'nope')).code).toBe(3);
    const usage = await polyconnect('describe');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^polyconnect: describe needs NAME\n/);
    expect((await polyconnect('list', '--bogus')).code).toBe(2);
    expect((await polyconnect('--output', 'yaml', 'list')).code).toBe(2);
    const down = await polyconnect('list', '--server', `127.0.0.1:${await freePort()}`);
    expect(down.code).toBe(4);
    expect(down.stderr).toMatch(/^polyconnect: cannot reach the admin API at 127\.0\.0\.1:\d+: /);
    expect((await polyconnect('health', '--server', `127.0.0.1:${await freePort()}`)).code).toBe(4);
  });

  it('status --watch prints the status, then a change as it happens, until Ctrl-C', async () => {
    const child = execa(process.execPath, [BIN, 'status', 'sink', '--watch'], { reject: false, buffer: false, env: { POLYCONNECT_ADMIN_ADDR: address } });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await worker.waitFor(() => stderr.includes('Watching for status changes'), 30_000, 'the watch to start');
    expect(lines[0]).toBe('sink (sink)');
    expect((await polyconnect('pause', 'sink')).code).toBe(0);
    await worker.waitFor(() => lines.some((line) => /^\S+Z  sink  task 0  RUNNING -> PAUSED  \S+$/.test(line)), 30_000, 'the PAUSED change');
    expect(lines.some((line) => /^\S+Z  sink  connector  RUNNING -> PAUSED  \S+$/.test(line))).toBe(true);
    child.kill('SIGINT');
    expect((await child).exitCode).toBe(0);
    expect((await polyconnect('resume', 'sink')).code).toBe(0);
  });

  it('status --watch --output json prints one JSON message per line', async () => {
    const child = execa(process.execPath, [BIN, 'status', '--watch', '-o', 'json'], { reject: false, buffer: false, env: { POLYCONNECT_ADMIN_ADDR: address } });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    await worker.waitFor(() => lines.length > 0, 30_000, 'the snapshot');
    expect(JSON.parse(lines[0]!).snapshot.connectors.map((c: { name: string }) => c.name).sort()).toEqual(['sink', 'source']);
    expect((await polyconnect('delete', 'source')).stdout).toBe('Deleted connector source');
    await worker.waitFor(() => lines.some((line) => JSON.parse(line).change?.connector === 'source' && JSON.parse(line).change.status === undefined && JSON.parse(line).change.taskId === undefined), 30_000, 'the removal');
    child.kill('SIGINT');
    expect((await child).exitCode).toBe(0);
  });

  it('deletes connectors', async () => {
    expect(await polyconnect('delete', 'sink')).toEqual({ code: 0, stdout: 'Deleted connector sink', stderr: '' });
    expect((await polyconnect('delete', 'sink')).code).toBe(3);
    expect(await polyconnect('list')).toEqual({ code: 0, stdout: 'No connectors.', stderr: '' });
  });
});
