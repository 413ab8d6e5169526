// Config providers end to end, in a real standalone worker against the real broker: a FileStream
// source reads the file an environment variable names (${env:...}), writes to a topic named in a
// properties file (${file:...}) with a batch size from a Kubernetes-style secret directory
// (${directory:...}) and stamps each record with a secret token header (InsertHeader, literal from
// ${file:...}); a sink takes the topic from the same file. The data arrives and the token travels
// in the records, while every API answer shows the placeholders as written and no log line holds
// the token. A plugin that prints the config it was given to stderr (fixture config-printer) has
// the resolved secrets hidden as [hidden] in the worker log, also when it prints the config it is
// asked to validate (PUT .../config/validate). A placeholder that cannot be resolved
// fails its connector with a trace naming the key and the reason, never the value.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FILE_PLUGIN_DIR, FIXTURE_PLUGINS_DIR, StandaloneWorker, type ConnectorStatus } from '../support/standalone-worker.js';

const stamp = `${Date.now()}-${process.pid}`;
const TOKEN = `tok-${stamp}-9f3a7c`; // the secret that must show up nowhere but in the records
const TOPIC = `providers-${stamp}`;
const INPUT_VARIABLE = `PC_E2E_INPUT_${process.pid}`;
const PASSWORD = `pw-${stamp}-Zq8`; // printed by the config-printer plugin, hidden by the worker
const DB_PASSWORD = `quote"back\\slash-${stamp}`; // JSON escapes it in the plugin's JSON log line
const VALIDATION_SECRET = `val-${stamp}-Kp2`; // resolved only to validate a config, printed by the plugin

async function recordHeaders(topic: string, count: number): Promise<Array<Record<string, string>>> {
  const kafka = new kafkajs.Kafka({ clientId: 'providers-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `providers-reader-${Date.now()}` });
  const headers: Array<Record<string, string>> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${headers.length} of ${count} records on ${topic}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        headers.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])));
        if (headers.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return headers;
}

describe('config providers in a running worker', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pc-providers-e2e-'));
  const secrets = join(directory, 'secrets');
  const k8s = join(secrets, 'k8s');
  const input = join(directory, 'input.txt');
  const output = join(directory, 'output.txt');
  const lines = 2_000;
  const content = numberedLines(lines);
  const propertiesFile = join(secrets, 'connect.properties');
  const source = {
    name: 'secret-source',
    'connector.class': 'FileStreamSource',
    file: `\${env:${INPUT_VARIABLE}}`,
    topic: `\${file:${propertiesFile}:topic}`,
    'batch.size': `\${directory:${k8s}:batch.size}`,
    transforms: 'token',
    'transforms.token.type': 'org.apache.kafka.connect.transforms.InsertHeader',
    'transforms.token.header': 'token',
    'transforms.token.value.literal': `\${file:${propertiesFile}:token}`,
  };
  const sink = { name: 'secret-sink', 'connector.class': 'FileStreamSink', file: output, topics: `\${file:${propertiesFile}:topic}` };
  const printer = {
    name: 'config-printer',
    'connector.class': 'polyconnect.fixtures.ConfigPrinterSinkConnector',
    topics: `\${file:${propertiesFile}:topic}`,
    'printer.mode': 'verbose', // not from a provider: printed as it is
    password: `\${file:${propertiesFile}:password}`,
    'db.password': `\${directory:${k8s}:db.password}`,
  };
  let worker: StandaloneWorker;

  beforeAll(async () => {
    mkdirSync(k8s, { recursive: true });
    writeFileSync(propertiesFile, `# connector secrets\ntopic=${TOPIC}\ntoken: ${TOKEN}\npassword=${PASSWORD}\nvalidation.secret=${VALIDATION_SECRET}\n`);
    writeFileSync(join(k8s, 'batch.size'), '100');
    writeFileSync(join(k8s, 'db.password'), DB_PASSWORD);
    writeFileSync(input, content);
    const admin = new kafkajs.Kafka({ clientId: 'providers-admin', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      env: { [INPUT_VARIABLE]: input },
      properties: {
        'plugin.path': `${FILE_PLUGIN_DIR},${join(FIXTURE_PLUGINS_DIR, 'config-printer')}`,
        'config.providers': 'file,directory,env',
        'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
        'config.providers.file.param.allowed.paths': secrets,
        'config.providers.directory.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
        'config.providers.directory.param.allowed.paths': secrets,
        'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
        'config.providers.env.param.allowlist.pattern': 'PC_E2E_.*',
      },
      connectors: [source, sink, printer],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('moves the data with the resolved file, topic and batch size, and stamps the secret token on each record', async () => {
    await worker.waitFor(() => fileSize(output) >= Buffer.byteLength(content), 60_000, 'every line in the sink file');
    expect(readFileSync(output, 'utf8')).toBe(content);
    const headers = await recordHeaders(TOPIC, lines);
    expect(headers).toHaveLength(lines);
    expect(headers.every((h) => h['token'] === TOKEN)).toBe(true);
  });

  it('shows the placeholders as written in every API answer, the token in none', async () => {
    expect((await worker.get('/connectors/secret-source/config')).body).toEqual(source);
    expect((await worker.get('/connectors/secret-sink/config')).body).toEqual(sink);
    const info = await worker.get<{ config: Record<string, string>; tasks: unknown[] }>('/connectors/secret-source');
    expect(info.body.config).toEqual(source);
    expect(info.body.tasks).toHaveLength(1);
    // The task config the connector returned carries the placeholders again (Kafka's reverseTransform).
    const tasks = await worker.get<Array<{ config: Record<string, string> }>>('/connectors/secret-source/tasks');
    expect(tasks.body[0]!.config).toMatchObject({ file: source.file, topic: source.topic, 'batch.size': source['batch.size'] });
    const answers = await Promise.all(
      [
        '/connectors?expand=info&expand=status',
        '/connectors/secret-source/tasks-config',
        '/connectors/secret-source/status',
        '/connectors/secret-sink/tasks',
        '/connectors/secret-source/offsets',
        '/connectors/secret-source/topics',
      ].map((path) => fetch(`${worker.restUrl}${path}`).then((r) => r.text())),
    );
    const validate = await fetch(`${worker.restUrl}/connector-plugins/FileStreamSource/config/validate`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(source),
    }).then((r) => r.text());
    for (const answer of [JSON.stringify(info.body), JSON.stringify(tasks.body), ...answers, validate]) expect(answer).not.toContain(TOKEN);
    expect(validate).toContain(JSON.stringify(source.topic)); // the plugin's key, shown as written
  });

  it('never logs the token, and the worker’s own lines never log the resolved file or topic either', () => {
    const log = worker.logs.map((entry) => JSON.stringify(entry));
    expect(log.filter((line) => line.includes(TOKEN))).toEqual([]);
    const workerLines = worker.logs.filter((entry) => entry.source !== 'plugin').map((entry) => JSON.stringify(entry));
    expect(workerLines.filter((line) => line.includes(input) || line.includes(TOPIC))).toEqual([]);
    // The FileStream plugin itself logs the file and topic it was given when its task starts; the
    // worker hides every provider-resolved value in what it forwards from a plugin's stderr.
    expect(worker.logs.filter((entry) => entry.source === 'plugin' && JSON.stringify(entry).includes(input))).toEqual([]);
    const started = worker.logs.find((entry) => entry.source === 'plugin' && entry.msg === 'FileStreamSourceTask started');
    expect(started).toMatchObject({ file: '[hidden]', topic: '[hidden]' });
  });

  it('hides the resolved secrets a plugin prints on stderr as [hidden] in the worker log', async () => {
    const printed = () => worker.logs.filter((entry) => entry.source === 'plugin' && /^config-printer (connector|task)/.test(entry.msg));
    await worker.waitFor(() => printed().length >= 2, 30_000, 'the config-printer connector and task to print their configs');
    const log = worker.logs.map((entry) => JSON.stringify(entry));
    expect(log.filter((line) => line.includes(PASSWORD) || line.includes('back\\\\slash') || line.includes('back\\slash'))).toEqual([]);
    const connectorLine = printed().find((entry) => entry.msg.startsWith('config-printer connector'))!;
    expect(connectorLine.msg).toContain('password=[hidden]');
    expect(connectorLine.msg).toContain('db.password=[hidden]');
    expect(connectorLine.msg).toContain('printer.mode=verbose');
    const taskLine = printed().find((entry) => entry.msg.startsWith('config-printer task'))!;
    expect(taskLine).toMatchObject({ msg: 'config-printer task starting with password=[hidden]', config: { password: '[hidden]', 'db.password': '[hidden]', topics: '[hidden]', 'printer.mode': 'verbose' } });
  });

  it('hides the resolved secrets a plugin prints while validating a config through the REST API', async () => {
    const marker = `validate-${stamp}`;
    const config = { ...printer, name: 'printer-validated', 'printer.mode': marker, password: `\${file:${propertiesFile}:validation.secret}` };
    const answer = await fetch(`${worker.restUrl}/connector-plugins/ConfigPrinterSinkConnector/config/validate`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { error_count: number }).error_count).toBe(0);
    const printed = () => worker.logs.filter((entry) => entry.source === 'plugin' && typeof entry.msg === 'string' && entry.msg.startsWith('config-printer validating') && entry.msg.includes(marker));
    await worker.waitFor(() => printed().length >= 1, 30_000, 'the config-printer plugin to print the config it validates');
    expect(printed()[0]!.msg).toMatch(/(^|, )password=\[hidden\]/);
    expect(printed()[0]!.msg).toContain('db.password=[hidden]');
    expect(printed()[0]!.msg).toContain(`printer.mode=${marker}`);
    expect(worker.logs.map((entry) => JSON.stringify(entry)).filter((line) => line.includes(VALIDATION_SECRET))).toEqual([]);
  });

  it('fails a connector whose placeholder cannot be resolved, naming key and reason in the trace', async () => {
    const config = { 'connector.class': 'FileStreamSource', file: '${env:PC_E2E_NOT_SET_ANYWHERE}', topic: `\${file:${propertiesFile}:no.such.key}` };
    const created = await fetch(`${worker.restUrl}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'unresolvable', config }),
    });
    expect(created.status).toBe(201);
    let status: ConnectorStatus | undefined;
    await worker.waitFor(async () => (status = await worker.status('unresolvable'))?.connector.state === 'FAILED', 30_000, 'the connector to fail');
    expect(status!.tasks).toEqual([]);
    expect(status!.connector.trace).toContain(
      [
        'Could not resolve the config provider placeholders in the config of connector unresolvable:',
        '  key "file": ${env:PC_E2E_NOT_SET_ANYWHERE}: the environment variable PC_E2E_NOT_SET_ANYWHERE is not set',
        `  key "topic": \${file:${propertiesFile}:no.such.key}: the file ${propertiesFile} has no key "no.such.key"`,
      ].join('\n'),
    );
    expect((await worker.get('/connectors/unresolvable/config')).body).toEqual({ ...config, name: 'unresolvable' });
    // Outside allowed.paths and outside allowlist.pattern are refused the same way.
    const outside = { 'connector.class': 'FileStreamSource', file: '${env:HOME}', topic: '${file:/etc/hostname:x}' };
    const put = await fetch(`${worker.restUrl}/connectors/outside/config`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(outside) });
    expect(put.status).toBe(201);
    await worker.waitFor(async () => (status = await worker.status('outside'))?.connector.state === 'FAILED', 30_000, 'the second connector to fail');
    expect(status!.connector.trace).toContain('key "file": ${env:HOME}: the environment variable HOME does not match allowlist.pattern (PC_E2E_.*)');
    expect(status!.connector.trace).toContain(`key "topic": \${file:/etc/hostname:x}: the path /etc/hostname is not in allowed.paths (${secrets})`);
    // A typed key whose placeholder does not resolve fails validation as written, and says why.
    const typed = await fetch(`${worker.restUrl}/connectors/typed/config`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ 'connector.class': 'FileStreamSource', file: input, topic: TOPIC, 'batch.size': '${env:PC_E2E_NO_BATCH}' }),
    });
    expect(typed.status).toBe(400);
    expect(((await typed.json()) as { message: string }).message).toBe(
      'Connector configuration is invalid and contains the following 2 error(s):\n' +
        'Invalid value ${env:PC_E2E_NO_BATCH} for configuration batch.size: Not a number of type INT\n' +
        'Could not resolve ${env:PC_E2E_NO_BATCH}: the environment variable PC_E2E_NO_BATCH is not set\n' +
        'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    );
    // The worker keeps serving.
    expect((await worker.get('/connectors/secret-source/status')).status).toBe(200);
  });
});
