// Plugin-side handlers of SourceTaskService: source task instances, their polls (bounded by the
// worker's max_wait_ms, with a slow poll carried over to the next call) and offset commits.

import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { SourceTask, SourceTaskContext } from '../connector.js';
import type { SourceMap, SourceRecord } from '../data/records.js';
import { encodeSourceRecords } from '../wire/record-codec.js';
import type { CommitRequest__Output } from '../wire/generated/polyconnect/plugin/v1/CommitRequest.js';
import type { PollRequest__Output } from '../wire/generated/polyconnect/plugin/v1/PollRequest.js';
import type { PollResponse } from '../wire/generated/polyconnect/plugin/v1/PollResponse.js';
import type { SourceOffset__Output } from '../wire/generated/polyconnect/plugin/v1/SourceOffset.js';
import type { StartSourceTaskRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StartSourceTaskRequest.js';
import type { StopSourceTaskRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StopSourceTaskRequest.js';
import type { ClassRegistry } from './class-registry.js';
import type { Instances, SourceTaskInstance } from './instances.js';
import { unary } from './unary.js';

const EMPTY_POLL: PollResponse = { batch: { schemas: [], records: [] } };

export function sourceTaskServiceHandlers(instances: Instances, registry: ClassRegistry): UntypedServiceImplementation {
  return {
    StartSourceTask: unary(async (request: StartSourceTaskRequest__Output) => {
      const task = registry.newTask(request.taskClass) as SourceTask;
      const context: SourceTaskContext = {
        connectorName: request.connectorName,
        taskId: request.taskId,
        configs: () => request.config,
        offsetStorageReader: offsetReader(request.offsets),
      };
      task.initialize(context);
      instances.add(request.instanceId, { kind: 'source-task', task, pendingPoll: undefined });
      try {
        await task.start(request.config);
      } catch (error) {
        instances.remove(request.instanceId);
        throw error;
      }
      return { version: task.version() };
    }),

    Poll: unary(async (request: PollRequest__Output): Promise<PollResponse> => {
      const instance = instances.sourceTask(request.instanceId);
      const records = await pollWithin(instance, request.maxWaitMs);
      if (records === undefined || records === null || records.length === 0) return EMPTY_POLL;
      return { batch: encodeSourceRecords(records) };
    }),

    Commit: unary(async (request: CommitRequest__Output) => {
      const { task } = instances.sourceTask(request.instanceId);
      await task.commit(request.offsets.map((entry) => ({ partition: parseMap(entry.partition)!, offset: parseMap(entry.offset) })));
      return {};
    }),

    StopSourceTask: unary(async (request: StopSourceTaskRequest__Output) => {
      const { task } = instances.sourceTask(request.instanceId);
      instances.remove(request.instanceId);
      await task.stop();
      return {};
    }),
  };
}

/** Waits for the task's poll up to maxWaitMs; a poll that takes longer is kept for the next call. */
async function pollWithin(instance: SourceTaskInstance, maxWaitMs: number): Promise<SourceRecord[] | null | undefined> {
  if (instance.pendingPoll === undefined) {
    instance.pendingPoll = Promise.resolve().then(() => instance.task.poll());
    // If the Poll call times out first, the poll may fail with no call waiting for it; the next
    // call still sees the failure (it awaits this same promise), so this only prevents a crash.
    instance.pendingPoll.catch(() => undefined);
  }
  const poll = instance.pendingPoll;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), maxWaitMs > 0 ? maxWaitMs : 1000);
  });
  try {
    const outcome = await Promise.race([poll, timedOut]);
    if (outcome === 'timeout') return undefined;
    instance.pendingPoll = undefined;
    return outcome;
  } catch (error) {
    instance.pendingPoll = undefined;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function parseMap(text: string): SourceMap | null {
  return text === '' ? null : (JSON.parse(text) as SourceMap);
}

/** A canonical text for a source partition: keys sorted, so that key order does not matter. */
function canonical(partition: SourceMap): string {
  return JSON.stringify(Object.keys(partition).sort().map((key) => [key, partition[key]]));
}

function offsetReader(offsets: readonly SourceOffset__Output[]): SourceTaskContext['offsetStorageReader'] {
  const byPartition = new Map<string, SourceMap | null>();
  for (const entry of offsets) {
    const partition = parseMap(entry.partition);
    if (partition !== null) byPartition.set(canonical(partition), parseMap(entry.offset));
  }
  return { offset: (partition) => byPartition.get(canonical(partition)) ?? null };
}
