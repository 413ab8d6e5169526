// Cluster-scoped logger levels (KIP-976) without a broker: the level check (Kafka's 404 message),
// the write (Kafka's record, nothing written for an unknown level), applying a level read back,
// and the whole path over one in-memory config topic shared by three workers' stores and
// AssignedWork: every running worker applies a level any of them wrote, and a worker started
// afterwards ignores the older record (Kafka's rule) but applies the next one.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AssignedWork, type AssignedWorkDependencies } from '../../../src/herder/assigned-work.js';
import { applyClusterLoggerLevel, checkLoggerLevel, putClusterLoggerLevel } from '../../../src/herder/cluster-logger-levels.js';
import { NotFoundError } from '../../../src/herder/herder-errors.js';
import { MemoryCompactedLog, MemoryTopic } from '../../../src/kafka/memory-compacted-log.js';
import { LoggerLevels } from '../../../src/logging.js';
import { KafkaConfigStore } from '../../../src/storage/kafka-config-store.js';

const silent = pino({ level: 'silent' });

/** A logger that keeps what it is asked to log at warn. */
function recordingLogger(): { log: pino.Logger; warnings: string[] } {
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg as string) });
  return { log, warnings };
}

/** A distributed worker reduced to what cluster logger levels touch: its config store, AssignedWork and LoggerLevels. */
async function startWorker(topic: MemoryTopic): Promise<{ store: KafkaConfigStore; loggers: LoggerLevels }> {
  const store = new KafkaConfigStore({ log: new MemoryCompactedLog(topic), logger: silent });
  const loggers = new LoggerLevels('silent');
  // The logger-level path uses none of the other dependencies.
  const work = new AssignedWork({ loggers, logger: silent, isLeader: () => false, requestRejoin: () => undefined } as unknown as AssignedWorkDependencies);
  await store.start();
  store.onChange((change) => work.handleConfigChange(change));
  return { store, loggers };
}

describe('checkLoggerLevel', () => {
  it("accepts Kafka's level names in any case and answers anything else with Kafka's 404 message", () => {
    for (const level of ['TRACE', 'debug', 'Info', 'WARN', 'error', 'FATAL', 'off']) expect(() => checkLoggerLevel(level)).not.toThrow();
    const error = (() => {
      try {
        checkLoggerLevel('LOUD');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("invalid log level 'LOUD'.");
  });
});

describe('putClusterLoggerLevel', () => {
  it("writes Kafka's logger-cluster-<namespace> record with the level as given", async () => {
    const topic = new MemoryTopic('configs');
    const { store } = await startWorker(topic);
    await putClusterLoggerLevel(store, 'org.example', 'debug');
    expect(topic.records().map((r) => [r.key!.toString(), r.value!.toString()])).toEqual([['logger-cluster-org.example', '{"level":"debug"}']]);
    await store.stop();
  });

  it('writes nothing for an unknown level', async () => {
    const written: string[] = [];
    const store = { putLoggerLevel: async (namespace: string) => void written.push(namespace) };
    await expect(putClusterLoggerLevel(store, 'org.example', 'LOUD')).rejects.toThrow("invalid log level 'LOUD'.");
    expect(written).toEqual([]);
  });
});

describe('applyClusterLoggerLevel', () => {
  it('sets the level of a logging-level-update, with the time it was applied', () => {
    const loggers = new LoggerLevels('silent');
    const before = Date.now();
    applyClusterLoggerLevel({ type: 'logging-level-update', namespace: 'org.example', level: 'debug' }, loggers, silent);
    const level = loggers.get('org.example');
    expect(level?.level).toBe('DEBUG');
    expect(level?.last_modified).toBeGreaterThanOrEqual(before);
    applyClusterLoggerLevel({ type: 'logging-level-update', namespace: 'root', level: 'WARN' }, loggers, silent);
    expect(loggers.root.level).toBe('warn');
  });

  it('leaves other changes alone, and ignores an unknown level with a warning', () => {
    const loggers = new LoggerLevels('silent');
    const { log, warnings } = recordingLogger();
    applyClusterLoggerLevel({ type: 'connector-config-update', connector: 'c' }, loggers, log);
    applyClusterLoggerLevel({ type: 'logging-level-update', namespace: 'org.example', level: 'ALL' }, loggers, log);
    expect(loggers.all()).toEqual({ root: { level: 'OFF', last_modified: null } });
    expect(warnings).toEqual(["Ignoring request to set invalid level 'ALL' for namespace org.example"]);
    expect(() => applyClusterLoggerLevel({ type: 'logging-level-update', namespace: 'x', level: 'DEBUG' }, undefined, log)).not.toThrow();
  });
});

describe('cluster-wide levels over one config topic', () => {
  it('reach every running worker, not a worker started afterwards, which applies the next one', async () => {
    const topic = new MemoryTopic('configs');
    const a = await startWorker(topic);
    const b = await startWorker(topic);
    await putClusterLoggerLevel(a.store, 'some.namespace', 'DEBUG');
    await Promise.all([a.store.refresh(), b.store.refresh()]);
    expect(a.loggers.get('some.namespace')?.level).toBe('DEBUG');
    expect(b.loggers.get('some.namespace')?.level).toBe('DEBUG');

    const c = await startWorker(topic);
    expect(c.loggers.get('some.namespace')).toBeUndefined();
    await putClusterLoggerLevel(b.store, 'some.namespace', 'TRACE');
    await Promise.all([a.store.refresh(), b.store.refresh(), c.store.refresh()]);
    for (const worker of [a, b, c]) expect(worker.loggers.get('some.namespace')?.level).toBe('TRACE');
    await Promise.all([a.store.stop(), b.store.stop(), c.store.stop()]);
  });
});
