// The status topic format against Kafka Connect 4.1.2's own KafkaStatusBackingStore
// (test/golden/stores/status-topic.json, see its README): our records are Kafka's bytes on
// Kafka's partitions, our "safe" writes are skipped where Kafka's are, and reading Kafka's
// sequences of records gives Kafka's view of every connector, task and active topic.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { javaPartitionForKey } from '../../../src/kafka/java-partitioner.js';
import {
  connectorStatusKey,
  decodeStatusRecord,
  encodeStatus,
  encodeTopicStatus,
  taskStatusKey,
  topicStatusKey,
  type StatusState,
  type StatusValue,
} from '../../../src/storage/connect-formats/status-records.js';
import { canWriteSafely, StatusTable } from '../../../src/storage/connect-formats/status-table.js';

interface GoldenRecord {
  key: string;
  value: string | null;
  text: string | null;
  partition?: number;
}
interface StatusArgs {
  connector: string;
  task?: number;
  state: StatusState;
  trace: string | null;
  workerId: string;
  generation: number;
  version: string | null;
}
interface Golden {
  kafkaVersion: string;
  partitions: number;
  writes: Array<{ op: string; args: StatusArgs & { topic?: string; discoverTimestamp?: number }; records: GoldenRecord[] }>;
  reads: Array<{ name: string; steps: Array<{ records: GoldenRecord[]; view: unknown }> }>;
}

const golden = JSON.parse(readFileSync(new URL('../../golden/stores/status-topic.json', import.meta.url), 'utf8')) as Golden;
const silent = pino({ level: 'silent' });
const bytes = (value: string | null): Buffer | null => (value === null ? null : Buffer.from(value, 'base64'));
const base64 = (value: Buffer | null): string | null => (value === null ? null : value.toString('base64'));

function statusOf(args: StatusArgs): StatusValue {
  return { state: args.state, trace: args.trace, workerId: args.workerId, generation: args.generation, version: args.version };
}

/** Our table in the shape StatusGoldens.describe gives Kafka's store. */
function describeTable(table: StatusTable): unknown {
  const connectors: Record<string, unknown> = {};
  const tasks: Record<string, unknown> = {};
  const topics: Record<string, unknown> = {};
  for (const name of table.names()) {
    const connector = table.connector(name);
    if (connector !== undefined) connectors[name] = { ...connector };
    const taskList = table.tasks(name);
    if (taskList.length > 0) tasks[name] = taskList.map((t) => ({ ...t }));
    const active = [...table.topics(name).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, status]) => ({ ...status }));
    if (active.length > 0) topics[name] = active;
  }
  return { connectors, tasks, topics };
}

describe('status records are the bytes Kafka Connect writes', () => {
  it('comes from Kafka 4.1.2', () => {
    expect(golden.kafkaVersion).toBe('4.1.2');
    expect(golden.partitions).toBe(5);
  });

  // Kafka's store decides safe writes on what it has read: replay the written records into a table.
  const table = new StatusTable(silent);
  for (const [index, write] of golden.writes.entries()) {
    const { args } = write;
    it(`#${index} ${write.op} ${args.connector}${args.task === undefined ? '' : `-${args.task}`} ${args.state ?? args.topic}`, () => {
      let ours: { key: string; value: Buffer | null } | undefined;
      if (write.op === 'put' || write.op === 'putSafe') {
        const key = args.task === undefined ? connectorStatusKey(args.connector) : taskStatusKey(args.connector, args.task);
        const status = statusOf(args);
        const cached = args.task === undefined ? table.connector(args.connector) : table.task(args.connector, args.task);
        if (write.op === 'put' || canWriteSafely(cached, status)) ours = { key, value: encodeStatus(status) };
      } else if (write.op === 'putTopic') {
        ours = { key: topicStatusKey(args.connector, args.topic!), value: encodeTopicStatus({ topic: args.topic!, connector: args.connector, task: args.task!, discoverTimestamp: args.discoverTimestamp! }) };
      } else if (write.op === 'deleteTopic') {
        ours = { key: topicStatusKey(args.connector, args.topic!), value: encodeTopicStatus(null) };
      }
      const expected = write.records.map((r) => ({ key: r.key, value: r.value, partition: r.partition }));
      const actual = ours === undefined ? [] : [{ key: ours.key, value: base64(ours.value), partition: javaPartitionForKey(Buffer.from(ours.key), golden.partitions) }];
      expect(actual).toEqual(expected);
      for (const record of write.records) table.apply(record.key, bytes(record.value));
    });
  }

  it('writes the trace as null when there is none, and a DESTROYED status as a tombstone', () => {
    expect(encodeStatus({ state: 'RUNNING', trace: null, workerId: 'w:8083', generation: 1, version: null })!.toString()).toBe(
      '{"state":"RUNNING","trace":null,"worker_id":"w:8083","generation":1,"version":null}',
    );
    expect(encodeStatus({ state: 'DESTROYED', trace: null, workerId: 'w:8083', generation: 1, version: null })).toBeNull();
  });
});

describe('reading the status topic as Kafka Connect does', () => {
  for (const scenario of golden.reads) {
    it(scenario.name, () => {
      const table = new StatusTable(silent);
      for (const [index, step] of scenario.steps.entries()) {
        for (const record of step.records) table.apply(record.key, bytes(record.value));
        expect(describeTable(table), `view after step ${index}`).toEqual(step.view);
      }
    });
  }

  it('logs records it cannot parse', () => {
    const lines: string[] = [];
    const table = new StatusTable(pino({ level: 'trace' }, { write: (line: string) => void lines.push((JSON.parse(line) as { msg: string }).msg) }));
    table.apply('status-connector-a', Buffer.from('{"state":"BOGUS","worker_id":"w","generation":1}'));
    table.apply('status-task-a', Buffer.from('{}'));
    table.apply('elsewhere', Buffer.from('{}'));
    expect(lines).toEqual([
      expect.stringContaining('Failed to deserialize connector status'),
      'Discarding record with invalid task status key status-task-a',
      'Discarding record with invalid key elsewhere',
    ]);
  });

  it('parses task keys as Kafka does', () => {
    expect(decodeStatusRecord('status-task-my-conn-2-12', null)).toEqual({ type: 'task', connector: 'my-conn-2', task: 12, status: null });
    expect(decodeStatusRecord('status-topic-t:connector-my:conn', null)).toEqual({ type: 'topic', connector: 'my:conn', topic: 't', status: null });
  });
});
