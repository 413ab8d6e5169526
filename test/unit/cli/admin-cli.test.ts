// The admin subcommands end to end in-process: runAdminCli against an AdminServer over a fake
// Herder on a loopback port. Output (tables, the API's JSON), messages on stderr, and the exit
// codes scripts rely on: 0 ok, 1 server error, 2 usage, 3 not found, 4 no connection; status
// --watch printing changes until aborted; tokens; task configs, active topics, loggers, server
// info and health (exit 1 when not HEALTHY).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminServer } from '../../../src/api/grpc/admin-server.js';
import { toProtoJson } from '../../../src/api/grpc/proto-json.js';
import { runAdminCli } from '../../../src/cli/admin-cli.js';
import { AdminClient } from '../../../src/cli/admin-client.js';
import { LoggerLevels } from '../../../src/logging.js';
import { FakeHerder } from '../api/grpc-fake-herder.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-cli-'));
const configFile = join(directory, 'src.json');
writeFileSync(configFile, JSON.stringify({ name: 'src', config: { 'connector.class': 'FileStreamSource', file: '/in.txt', topic: 't' } }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('polyconnect admin subcommands', () => {
  const herder = new FakeHerder();
  let server: AdminServer;
  let address: string;

  async function cli(argv: string[], signal = new AbortController().signal, onOutput?: (stdout: string) => void): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runAdminCli(argv, {
      stdout: (text) => {
        stdout += text;
        onOutput?.(stdout);
      },
      stderr: (text) => void (stderr += text),
      env: { POLYCONNECT_ADMIN_ADDR: address },
      signal,
    });
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    server = await AdminServer.create(herder, pino({ level: 'silent' }), { statusChanges: herder.statusStore, loggers: new LoggerLevels('silent') });
    address = await server.start('127.0.0.1:0');
  });

  afterAll(() => server.stop());

  beforeEach(async () => {
    for (const name of herder.connectors()) await herder.deleteConnector(name);
  });

  it('creates from a file and lists as a table or as the API’s JSON', async () => {
    expect(await cli(['create', '-f', configFile])).toEqual({ code: 0, stdout: 'Created connector src\n', stderr: '' });
    const table = await cli(['list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe('NAME  TYPE    STATE    TASKS      CLASS\nsrc   source  RUNNING  1 RUNNING  FileStreamSource\n');
    const json = await cli(['list', '--output', 'json']);
    const client = new AdminClient({ server: address });
    expect(JSON.parse(json.stdout)).toEqual(toProtoJson(await client.call('ListConnectors', { includeInfo: true, includeStatus: true })));
    client.close();
    expect(JSON.parse(json.stdout).connectors[0].status.connector).toEqual({ state: 'CONNECTOR_STATE_RUNNING', workerId: '127.0.0.1:8083' });
  });

  it('exits 1 with the server’s message when it refuses, 3 when something is not found', async () => {
    await cli(['create', '-f', configFile]);
    expect(await cli(['create', '-f', configFile])).toEqual({ code: 1, stdout: '', stderr: 'polyconnect: Connector src already exists\n' });
    expect(await cli(['describe', 'nope'])).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Connector nope not found\n' });
    expect((await cli(['restart', 'src', '--task', '9'])).code).toBe(3);
    const offsets = await cli(['offsets', 'reset', 'src']);
    expect(offsets.code).toBe(1);
    expect(offsets.stderr).toMatch(/^polyconnect: Connectors must be in the STOPPED state/);
  });

  it('exits 2 on usage errors and 4 when the server cannot be reached', async () => {
    const usage = await cli(['describe']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^polyconnect: describe needs NAME\n/);
    expect((await cli(['create', '-f', join(directory, 'missing.json')])).code).toBe(2);
    expect((await cli(['patch', 'src'])).code).toBe(2);
    expect((await cli(['create', '-f', configFile, '--initial-state', 'sleeping'])).code).toBe(2);
    const unreachable = await cli(['list', '--server', '127.0.0.1:1', '--timeout', '5']);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/^polyconnect: cannot reach the admin API at 127\.0\.0\.1:1: /);
  });

  it('patches, pauses, stops, alters offsets, restarts and deletes', async () => {
    await cli(['create', '-f', configFile, '--initial-state', 'paused']);
    expect(herder.targets.get('src')).toBe('PAUSED');
    expect((await cli(['patch', 'src', '--set', 'topic=u', '--unset', 'x'])).stdout).toBe('Updated connector src\n');
    expect(herder.configs.get('src')?.topic).toBe('u');
    expect((await cli(['resume', 'src'])).stdout).toBe('Resumed connector src\n');
    expect((await cli(['stop', 'src'])).stdout).toBe('Stopped connector src\n');
    const offsetsFile = join(directory, 'offsets.json');
    writeFileSync(offsetsFile, JSON.stringify({ offsets: [{ partition: { filename: '/in.txt' }, offset: { position: 3 } }] }));
    expect((await cli(['offsets', 'alter', 'src', '-f', offsetsFile])).stdout).toMatch(/altered successfully/);
    expect((await cli(['offsets', 'get', 'src'])).stdout).toBe('PARTITION               OFFSET\n{"filename":"/in.txt"}  {"position":3}\n');
    expect(JSON.parse((await cli(['offsets', 'get', 'src', '-o', 'json'])).stdout)).toEqual({ offsets: [{ partition: { filename: '/in.txt' }, offset: { position: 3 } }] });
    await cli(['resume', 'src']);
    const restarted = await cli(['restart', 'src', '--include-tasks']);
    expect(restarted.stdout).toMatch(/^Restart requested\nsrc \(source\)\n/);
    expect(restarted.stdout).toMatch(/task 0 +RESTARTING/);
    expect((await cli(['restart', 'src'])).stdout).toBe('Restarted connector src\n');
    expect((await cli(['pause', 'src', '-o', 'json'])).stdout).toBe('{}\n');
    expect((await cli(['delete', 'src'])).stdout).toBe('Deleted connector src\n');
    expect(herder.configs.has('src')).toBe(false);
  });

  it('validates a config file: 0 when valid, 1 with the errors when not', async () => {
    const valid = await cli(['validate', '-f', configFile]);
    expect(valid).toEqual({ code: 0, stdout: 'The config is valid for org.apache.kafka.connect.file.FileStreamSourceConnector (2 keys checked).\n', stderr: '' });
    const invalidFile = join(directory, 'invalid.properties');
    writeFileSync(invalidFile, 'connector.class=FileStreamSource\n');
    const invalid = await cli(['validate', '-f', invalidFile]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('file         Missing required configuration "file" which has no default value.');
    expect(invalid.stderr).toBe('The config has errors in 1 key(s)\n');
    expect((await cli(['plugins', '--all'])).stdout).toContain('org.apache.kafka.connect.transforms.Filter');
  });

  it('status --watch prints the status, then each change, until aborted', async () => {
    await cli(['create', '-f', configFile]);
    const abort = new AbortController();
    let changed = false;
    const run = cli(['status', 'src', '--watch'], abort.signal, (stdout) => {
      if (!changed && stdout.includes('task 0')) {
        changed = true;
        setTimeout(() => herder.setTask('src', 0, 'FAILED', 'Error: plugin process exited'), 50);
      }
      if (/task 0  RUNNING -> FAILED/.test(stdout)) abort.abort();
    });
    const { code, stdout, stderr } = await run;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^src \(source\)\nWHAT +STATE +WORKER +TRACE\nconnector +RUNNING/);
    expect(stdout).toMatch(/\n\S+Z  src  task 0  RUNNING -> FAILED  127\.0\.0\.1:8083  Error: plugin process exited\n$/);
    expect(stderr).toBe('Watching for status changes (Ctrl-C to stop)\n');
  });

  it('shows task configs and active topics, and resets the topics', async () => {
    await cli(['create', '-f', configFile]);
    expect(await cli(['tasks', 'src'])).toEqual({ code: 0, stdout: 'TASK  KEY         VALUE\n0     file        /in.txt\n0     task.class  FileStreamSourceTask\n', stderr: '' });
    expect(JSON.parse((await cli(['tasks', 'src', '-o', 'json'])).stdout)).toEqual({ tasks: [{ id: { connector: 'src', task: 0 }, config: { 'task.class': 'FileStreamSourceTask', file: '/in.txt' } }] });
    herder.topics.set('src', ['t2', 't1']);
    expect(await cli(['topics', 'src'])).toEqual({ code: 0, stdout: 'TOPIC\nt1\nt2\n', stderr: '' });
    expect(JSON.parse((await cli(['topics', 'src', '-o', 'json'])).stdout)).toEqual({ topics: ['t2', 't1'] });
    expect(await cli(['topics', 'reset', 'src'])).toEqual({ code: 0, stdout: 'Reset the active topics of connector src\n', stderr: '' });
    expect(herder.topics.has('src')).toBe(false);
    expect((await cli(['topics', 'src'])).stdout).toBe('No active topics.\n');
    expect(await cli(['tasks', 'nope'])).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Connector nope not found\n' });
    expect((await cli(['topics', 'nope'])).code).toBe(3);
    expect((await cli(['topics', 'reset', 'nope'])).code).toBe(3);
    const usage = await cli(['topics', 'clear', 'src']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^polyconnect: topics takes NAME or reset NAME; got clear src\npolyconnect topics NAME \| topics reset NAME/);
  });

  it('lists, reads and sets logger levels', async () => {
    const listed = await cli(['loggers']);
    expect(listed).toEqual({ code: 0, stdout: 'LOGGER  LEVEL  LAST MODIFIED\nroot    OFF    -\n', stderr: '' });
    expect(await cli(['loggers', 'set', 'org.apache.kafka.connect', 'debug'])).toEqual({ code: 0, stdout: 'Set org.apache.kafka.connect to DEBUG\n', stderr: '' });
    expect((await cli(['loggers', 'get', 'org.apache.kafka.connect'])).stdout).toMatch(/^LOGGER +LEVEL +LAST MODIFIED\norg\.apache\.kafka\.connect +DEBUG +\d{4}-\d\d-\d\dT\S+Z\n$/);
    const json = JSON.parse((await cli(['loggers', 'get', 'org.apache.kafka.connect', '-o', 'json'])).stdout);
    expect(json.logger).toMatchObject({ logger: 'org.apache.kafka.connect', level: 'LOG_LEVEL_DEBUG' });
    expect(Math.abs(Date.parse(json.logger.lastModified) - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse((await cli(['loggers', '-o', 'json'])).stdout).loggers.map((l: { logger: string }) => l.logger)).toEqual(['root', 'org.apache.kafka.connect']);
    expect(JSON.parse((await cli(['loggers', 'set', 'x', 'WARN', '-o', 'json'])).stdout)).toEqual({ loggers: ['x'] });
    expect(await cli(['loggers', 'get', 'nope'])).toEqual({ code: 3, stdout: '', stderr: 'polyconnect: Logger nope not found.\n' });
    const badLevel = await cli(['loggers', 'set', 'x', 'loud']);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toMatch(/^polyconnect: LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF; got loud\n/);
    expect((await cli(['loggers', 'set', 'x'])).stderr).toMatch(/^polyconnect: loggers set takes LOGGER LEVEL\n/);
    expect((await cli(['loggers', 'get'])).code).toBe(2);
    expect((await cli(['loggers', 'drop', 'x'])).stderr).toMatch(/^polyconnect: loggers takes no argument, get or set; got drop\n/);
  });

  it('sets a level on every worker with --scope cluster, and on this one with --scope worker', async () => {
    herder.calls = [];
    expect(await cli(['loggers', 'set', 'org.cluster', 'debug', '--scope', 'cluster'])).toEqual({ code: 0, stdout: 'Set org.cluster to DEBUG on every worker\n', stderr: '' });
    expect(herder.calls).toEqual([['setClusterLoggerLevel', 'org.cluster', 'DEBUG']]);
    expect(JSON.parse((await cli(['loggers', 'set', 'org.cluster', 'INFO', '--scope', 'CLUSTER', '-o', 'json'])).stdout)).toEqual({ loggers: [] });
    expect(await cli(['loggers', 'set', 'org.worker', 'warn', '--scope', 'worker'])).toEqual({ code: 0, stdout: 'Set org.worker to WARN\n', stderr: '' });
    expect(herder.calls).toHaveLength(2);
    expect((await cli(['loggers', 'set', 'x', 'warn', '--scope', 'galaxy'])).stderr).toMatch(/^polyconnect: --scope must be worker or cluster; got galaxy\n/);
    expect((await cli(['loggers', 'get', 'x', '--scope', 'cluster'])).stderr).toMatch(/^polyconnect: --scope goes with loggers set\n/);
  });

  it('shows server info, and health with exit 1 unless HEALTHY', async () => {
    expect(await cli(['server-info'])).toEqual({ code: 0, stdout: 'Version:           4.1.2\nCommit:            abcdef0123456789\nKafka cluster id:  cluster-1\n', stderr: '' });
    expect(JSON.parse((await cli(['server-info', '-o', 'json'])).stdout)).toEqual({ version: '4.1.2', commit: 'abcdef0123456789', kafkaClusterId: 'cluster-1' });
    expect(await cli(['health'])).toEqual({ code: 0, stdout: 'Status:   HEALTHY\nMessage:  Worker has completed startup and is ready to handle requests.\n', stderr: '' });
    const healthy = herder.healthStatus;
    try {
      herder.healthStatus = { status: 'starting', message: 'Worker is still starting up.' };
      expect(await cli(['health'])).toEqual({ code: 1, stdout: 'Status:   STARTING\nMessage:  Worker is still starting up.\n', stderr: 'The worker is not healthy (STARTING)\n' });
      herder.healthStatus = { status: 'unhealthy', message: 'Worker is shutting down.' };
      const json = await cli(['health', '-o', 'json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({ status: 'WORKER_HEALTH_STATUS_UNHEALTHY', message: 'Worker is shutting down.' });
    } finally {
      herder.healthStatus = healthy;
    }
    expect((await cli(['health', '--server', '127.0.0.1:1', '--timeout', '5'])).code).toBe(4);
  });

  it('sends the token from --token-file', async () => {
    const tokenFile = join(directory, 'token');
    writeFileSync(tokenFile, 'cli-token\n');
    const secured = await AdminServer.create(herder, pino({ level: 'silent' }), { security: { authTokenFile: tokenFile, tlsCertFile: null, tlsKeyFile: null, tlsClientCaFile: null } });
    const securedAddress = await secured.start('127.0.0.1:0');
    try {
      const refused = await cli(['list', '--server', securedAddress]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/needs a bearer token/);
      expect((await cli(['list', '--server', securedAddress, '--token-file', tokenFile])).code).toBe(0);
      expect((await cli(['list', '--server', securedAddress, '--token', 'wrong'])).stderr).toMatch(/not valid/);
    } finally {
      await secured.stop();
    }
  });
});
