// The config topic format against Kafka Connect 4.1.2's own KafkaConfigBackingStore
// (test/golden/stores/config-topic.json, see its README): our records are Kafka's bytes, and
// reading Kafka's sequences of records gives Kafka's snapshot and update notifications.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  commitTasksRecord,
  connectorConfigRecord,
  connectorRemovalRecords,
  decodeConfigRecord,
  loggerLevelRecord,
  parseTaskKey,
  restartRequestRecord,
  sessionKeyRecord,
  targetStateRecord,
  taskConfigRecord,
  taskCountRecord,
  type ConfigProperties,
  type ConfigTopicRecord,
  type TargetState,
} from '../../../src/storage/connect-formats/config-records.js';
import { ConfigState, type ConfigChange, type ConfigSnapshot } from '../../../src/storage/connect-formats/config-state.js';

interface GoldenRecord {
  key: string;
  value: string | null;
  text: string | null;
}
interface Golden {
  kafkaVersion: string;
  writes: Array<{ op: string; args: Record<string, unknown>; records: GoldenRecord[] }>;
  reads: Array<{ name: string; steps: Array<{ started: boolean; records: GoldenRecord[]; events: string[]; errors: string[]; snapshot: unknown }> }>;
}

const golden = JSON.parse(readFileSync(new URL('../../golden/stores/config-topic.json', import.meta.url), 'utf8')) as Golden;

function capturingLogger(): { logger: pino.Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

function recordsFor(op: string, args: Record<string, unknown>): ConfigTopicRecord[] {
  const connector = args.connector as string;
  switch (op) {
    case 'putConnectorConfig': {
      const out: ConfigTopicRecord[] = [];
      if (args.targetState !== null) out.push(targetStateRecord(connector, args.targetState as TargetState));
      out.push(connectorConfigRecord(connector, args.properties as ConfigProperties));
      return out;
    }
    case 'putTaskConfigs': {
      const configs = args.configs as ConfigProperties[];
      return [...configs.map((config, task) => taskConfigRecord(connector, task, config)), commitTasksRecord(connector, configs.length)];
    }
    case 'putTargetState':
      return [targetStateRecord(connector, args.state as TargetState)];
    case 'putRestartRequest':
      return [restartRequestRecord({ connector, onlyFailed: args.onlyFailed as boolean, includeTasks: args.includeTasks as boolean })];
    case 'putTaskCountRecord':
      return [taskCountRecord(connector, args.taskCount as number)];
    case 'putSessionKey':
      return [sessionKeyRecord({ key: Buffer.from(args.key as string, 'base64'), algorithm: args.algorithm as string, creationTimestamp: args.creationTimestamp as number })];
    case 'putLoggerLevel':
      return [loggerLevelRecord(args.namespace as string, args.level as string)];
    case 'removeConnectorConfig':
      return connectorRemovalRecords(connector);
    default:
      throw new Error(`no encoder for ${op}`);
  }
}

/** Our snapshot in the shape ConfigGoldens.describe gives Kafka's ClusterConfigState. */
function describeSnapshot(snapshot: ConfigSnapshot): unknown {
  const connectors: Record<string, unknown> = {};
  for (const [name, config] of snapshot.connectors) {
    const tasks = snapshot.taskConfigs.get(name) ?? [];
    connectors[name] = {
      config,
      targetState: snapshot.targetStates.get(name) ?? null,
      taskCount: snapshot.taskCounts.get(name) ?? 0,
      tasks: tasks.map((taskConfig, task) => ({ task, config: taskConfig })),
      taskCountRecord: snapshot.taskCountRecords.get(name) ?? null,
    };
  }
  return {
    connectors,
    inconsistent: [...snapshot.inconsistent].sort(),
    sessionKey:
      snapshot.sessionKey === null
        ? null
        : { key: snapshot.sessionKey.key.toString('base64'), algorithm: snapshot.sessionKey.algorithm, creationTimestamp: snapshot.sessionKey.creationTimestamp },
    offset: snapshot.offset,
  };
}

/** Our change in the words ConfigGoldens records Kafka's UpdateListener calls with. */
function describeChange(change: ConfigChange): string {
  switch (change.type) {
    case 'connector-config-update':
      return `connectorConfigUpdate:${change.connector}`;
    case 'connector-config-remove':
      return `connectorConfigRemove:${change.connector}`;
    case 'task-config-update':
      return `taskConfigUpdate:${change.tasks.map((t) => `${t.connector}-${t.task}`).sort().join(',')}`;
    case 'target-state-change':
      return `targetStateChange:${change.connector}`;
    case 'restart-request':
      return `restartRequest:${change.request.connector}:onlyFailed=${change.request.onlyFailed}:includeTasks=${change.request.includeTasks}`;
    case 'session-key-update':
      return 'sessionKeyUpdate';
    case 'logging-level-update':
      return `loggingLevelUpdate:${change.namespace}=${change.level}`;
  }
}

const bytes = (value: string | null): Buffer | null => (value === null ? null : Buffer.from(value, 'base64'));

describe('config topic records are the bytes Kafka Connect writes', () => {
  it('comes from Kafka 4.1.2', () => {
    expect(golden.kafkaVersion).toBe('4.1.2');
    expect(golden.writes.length).toBeGreaterThanOrEqual(15);
  });

  for (const [index, write] of golden.writes.entries()) {
    it(`#${index} ${write.op} ${JSON.stringify(write.args).slice(0, 60)}`, () => {
      const ours = recordsFor(write.op, write.args);
      expect(ours.map((r) => r.key)).toEqual(write.records.map((r) => r.key));
      expect(ours.map((r) => (r.value === null ? null : r.value.toString('base64')))).toEqual(write.records.map((r) => r.value));
    });
  }

  it('writes STOPPED as PAUSED in "state" for workers older than 3.5, and STOPPED in "state.v2"', () => {
    expect(targetStateRecord('c', 'STOPPED').value!.toString()).toBe('{"state":"PAUSED","state.v2":"STOPPED"}');
  });

  it('keeps property order and unusual names, as a Map or an object', () => {
    const map = new Map<string, string | null>([
      ['z', '1'],
      ['2', 'two'],
      ['__proto__', 'x'],
    ]);
    expect(connectorConfigRecord('c', map).value!.toString()).toBe('{"properties":{"z":"1","2":"two","__proto__":"x"}}');
  });
});

describe('reading the config topic as Kafka Connect does', () => {
  for (const scenario of golden.reads) {
    it(scenario.name, () => {
      const { logger, lines } = capturingLogger();
      const state = new ConfigState(logger);
      let offset = 0;
      for (const [stepIndex, step] of scenario.steps.entries()) {
        const events: string[] = [];
        const errorsBefore = lines.filter((l) => l.level >= 50).length;
        for (const record of step.records) {
          const change = state.apply(record.key, bytes(record.value), offset++, step.started);
          if (change !== undefined) events.push(describeChange(change));
        }
        expect(events, `events of step ${stepIndex}`).toEqual(step.events);
        expect(describeSnapshot(state.snapshot()), `snapshot after step ${stepIndex}`).toEqual(step.snapshot);
        // Where Kafka's callback threw (and its log skipped the record), ours logged an error.
        if (step.errors.length > 0) {
          const errors = lines.filter((l) => l.level >= 50).slice(errorsBefore);
          expect(errors.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringContaining('Expected integer value to be either Integer or Long')]));
        }
      }
    });
  }

  it('logs and skips what it cannot use, and says why', () => {
    const { logger, lines } = capturingLogger();
    const state = new ConfigState(logger);
    state.apply('connector-a', Buffer.from('{"properties":{"name":"a"}}'), 0, false);
    state.apply('surprise', Buffer.from('{}'), 1, false);
    state.apply('connector-b', Buffer.from('{"properties":'), 2, false);
    state.apply('connector-c', Buffer.from('{"properties":{"n":1}}'), 3, false);
    state.apply(null, Buffer.from('{}'), 4, false);
    const messages = lines.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(messages).toEqual([
      'Discarding config update record with invalid key: surprise',
      expect.stringContaining('Failed to convert config data to Kafka Connect format'),
      expect.stringContaining("Invalid data for config for connector 'c'"),
      'Discarding config update record with a null key',
    ]);
    expect([...state.snapshot().connectors.keys()]).toEqual(['a']);
    // The unreadable record (not JSON) does not move the offset, as in Kafka.
    expect(state.snapshot().offset).toBe(4);
  });
});

describe('config record keys', () => {
  it('parses task keys as Kafka does', () => {
    expect(parseTaskKey('task-my-conn-2-12')).toEqual({ connector: 'my-conn-2', task: 12 });
    expect(parseTaskKey('task-c--0')).toEqual({ connector: 'c-', task: 0 });
    expect(parseTaskKey('task-b-+1')).toEqual({ connector: 'b', task: 1 });
    expect(parseTaskKey('task-x')).toBeUndefined();
    expect(parseTaskKey('task-x-y')).toBeUndefined();
    expect(parseTaskKey('task-x-99999999999')).toBeUndefined();
    expect(parseTaskKey('task-x-')).toBeUndefined();
  });

  it('tells tombstones from values', () => {
    expect(decodeConfigRecord('connector-a', null)).toEqual({ type: 'connector', connector: 'a', properties: null });
    expect(decodeConfigRecord('target-state-a', null)).toEqual({ type: 'target-state', connector: 'a', state: null });
    expect(decodeConfigRecord('task-a-0', null)).toMatchObject({ type: 'invalid' });
    expect(decodeConfigRecord('connector-a', Buffer.alloc(0))).toEqual({ type: 'connector', connector: 'a', properties: null });
  });
});
