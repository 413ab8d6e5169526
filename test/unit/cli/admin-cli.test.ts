// The admin subcommands end to end in-process: runAdminCli against an AdminServer over a fake
// Herder on a loopback port. Output (tables, the API's JSON), messages on stderr, and the exit
// codes scripts rely on: 0 ok, 1 server error, 2 usage, 3 not found, 4 no connection; status
// --watch printing changes until aborted; tokens.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminServer } from '../../../src/api/grpc/admin-server.js';
import { toProtoJson } from '../../../src/api/grpc/proto-json.js';
import { runAdminCli } from '../../../src/cli/admin-cli.js';
import { AdminClient } from '../../../src/cli/admin-client.js';
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
    server = await AdminServer.create(herder, pino({ level: 'silent' }), { statusChanges: herder.statusStore });
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
