// Helpers for the jdbc plugin's integration tests (test/integration/jdbc-*.test.ts): a built
// plugin, topic readers that decode JsonConverter output, REST calls with bodies, and waiting
// for a connector's tasks to run. Not a test file itself; the unit project ignores it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { kafkaBrokers } from '../../../../../test/support/kafka.js';
import type { PostgresServer } from '../../../../../test/support/postgres.js';
import { REPO_ROOT, type StandaloneWorker } from '../../../../../test/support/standalone-worker.js';

export const JDBC_PLUGIN_DIR = join(REPO_ROOT, 'plugins/connectors/jdbc');

/** Builds the plugin when its dist/ is missing (the root build normally has built it). */
export async function ensureJdbcPluginBuilt(): Promise<void> {
  if (existsSync(join(JDBC_PLUGIN_DIR, 'dist/main.js'))) return;
  await execa('npx', ['tsc', '-b', 'plugins/connectors/jdbc'], { cwd: REPO_ROOT });
}

export async function sql(server: PostgresServer, database: string, statements: string | string[]): Promise<pg.QueryResult[]> {
  // `timestamp` (without time zone) values are read as UTC, not in this process's zone.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 1114 ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) };
  const client = new pg.Client({ host: server.host, port: server.port, user: server.user, database, types: types as pg.CustomTypesConfig });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of Array.isArray(statements) ? statements : [statements]) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

export interface TopicMessage {
  readonly key: unknown;
  readonly value: unknown;
  readonly offset: number;
}

function decode(buffer: Buffer | null): unknown {
  if (buffer === null) return null;
  const text = buffer.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface Reader {
  readonly consumer: kafkajs.Consumer;
  readonly messages: TopicMessage[];
}

const readers = new Map<string, Promise<Reader>>();

/** One consumer per topic for the whole test file (joining a group takes seconds): it reads from the beginning and keeps everything. */
function reader(topic: string, deadline: number): Promise<Reader> {
  let existing = readers.get(topic);
  if (existing === undefined) {
    existing = (async () => {
      const kafka = new kafkajs.Kafka({ clientId: 'jdbc-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
      await waitForTopic(kafka, topic, deadline);
      const consumer = kafka.consumer({ groupId: `jdbc-reader-${Date.now()}-${Math.random()}` });
      const messages: TopicMessage[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          messages.push({ key: decode(message.key), value: decode(message.value), offset: Number(message.offset) });
        },
      });
      return { consumer, messages };
    })();
    readers.set(topic, existing);
    existing.catch(() => readers.delete(topic));
  }
  return existing;
}

/** Disconnects the readers readTopic opened; call in afterAll. */
export async function closeReaders(): Promise<void> {
  const all = [...readers.values()];
  readers.clear();
  for (const pending of all) await (await pending.catch(() => undefined))?.consumer.disconnect().catch(() => undefined);
}

/**
 * Everything on a topic so far, once at least `count` messages arrived, after waiting `settleMs`
 * more (to catch extra ones), JSON-decoded, in offset order.
 */
export async function readTopic(topic: string, count: number, options: { timeoutMs?: number; settleMs?: number } = {}): Promise<TopicMessage[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const { messages } = await reader(topic, deadline);
  while (messages.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (messages.length < count) throw new Error(`only ${messages.length} of ${count} messages on ${topic}: ${JSON.stringify(messages.map((m) => m.value))}`);
  await new Promise((r) => setTimeout(r, options.settleMs ?? 0));
  return [...messages].sort((a, b) => a.offset - b.offset);
}

/** Subscribing to a topic that does not exist yet fails: wait until the connector created it. */
async function waitForTopic(kafka: kafkajs.Kafka, topic: string, deadline: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    while (!(await admin.listTopics()).includes(topic)) {
      if (Date.now() > deadline) throw new Error(`topic ${topic} was not created`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await admin.disconnect();
  }
}

export async function produce(topic: string, messages: Array<{ key: unknown; value: unknown }>): Promise<void> {
  const kafka = new kafkajs.Kafka({ clientId: 'jdbc-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: messages.map((m) => ({ key: m.key === null ? null : JSON.stringify(m.key), value: m.value === null ? null : JSON.stringify(m.value) })),
    });
  } finally {
    await producer.disconnect();
  }
}

export async function request<T = unknown>(worker: StandaloneWorker, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${worker.restUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** Waits until the connector and all its tasks (at least one) run; fails early on FAILED. */
export async function waitRunning(worker: StandaloneWorker, name: string, timeoutMs = 60_000): Promise<void> {
  await worker.waitFor(async () => {
    const status = await worker.status(name);
    const failed = [status?.connector, ...(status?.tasks ?? [])].find((s) => s?.state === 'FAILED');
    if (failed !== undefined) throw new Error(`${name} failed: ${failed.trace ?? ''}`);
    return status?.connector.state === 'RUNNING' && status.tasks.length > 0 && status.tasks.every((t) => t.state === 'RUNNING');
  }, timeoutMs, `${name} to run`);
}

/** JsonConverter (schemas.enable=true) envelope of a struct value. */
export function payloadOf(message: TopicMessage): Record<string, unknown> {
  return (message.value as { payload: Record<string, unknown> }).payload;
}
