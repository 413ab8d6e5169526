// Plugin-side handlers of SinkTaskService: sink task instances, partition open/close, put with
// errant-record reports returned to the worker, and pre-commit.

import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { SinkTask, SinkTaskContext } from '../connector.js';
import type { TopicPartition, TopicPartitionOffset } from '../data/records.js';
import { errorDetailsOf, toErrorInfo } from '../wire/error-info.js';
import { decodeSinkRecords } from '../wire/record-codec.js';
import type { ClosePartitionsRequest__Output } from '../wire/generated/polyconnect/plugin/v1/ClosePartitionsRequest.js';
import type { OpenPartitionsRequest__Output } from '../wire/generated/polyconnect/plugin/v1/OpenPartitionsRequest.js';
import type { PreCommitRequest__Output } from '../wire/generated/polyconnect/plugin/v1/PreCommitRequest.js';
import type { PreCommitResponse } from '../wire/generated/polyconnect/plugin/v1/PreCommitResponse.js';
import type { PutRequest__Output } from '../wire/generated/polyconnect/plugin/v1/PutRequest.js';
import type { PutResponse } from '../wire/generated/polyconnect/plugin/v1/PutResponse.js';
import type { StartSinkTaskRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StartSinkTaskRequest.js';
import type { StopSinkTaskRequest__Output } from '../wire/generated/polyconnect/plugin/v1/StopSinkTaskRequest.js';
import type { ClassRegistry } from './class-registry.js';
import type { Instances, SinkTaskInstance } from './instances.js';
import { unary } from './unary.js';

export function sinkTaskServiceHandlers(instances: Instances, registry: ClassRegistry): UntypedServiceImplementation {
  return {
    StartSinkTask: unary(async (request: StartSinkTaskRequest__Output) => {
      const task = registry.newTask(request.taskClass) as SinkTask;
      const instance: SinkTaskInstance = { kind: 'sink-task', task, errantRecords: [] };
      const context: SinkTaskContext = {
        connectorName: request.connectorName,
        taskId: request.taskId,
        configs: () => request.config,
        errantRecordReporter: {
          report: (record, error) => {
            instance.errantRecords.push({
              topic: record.originalTopic,
              kafkaPartition: record.originalKafkaPartition,
              kafkaOffset: record.originalKafkaOffset,
              error: toErrorInfo(errorDetailsOf(error)),
            });
          },
        },
      };
      task.initialize(context);
      instances.add(request.instanceId, instance);
      try {
        await task.start(request.config);
      } catch (error) {
        instances.remove(request.instanceId);
        throw error;
      }
      return { version: task.version() };
    }),

    OpenPartitions: unary(async (request: OpenPartitionsRequest__Output) => {
      await instances.sinkTask(request.instanceId).task.open(partitions(request.partitions));
      return {};
    }),

    Put: unary(async (request: PutRequest__Output): Promise<PutResponse> => {
      const instance = instances.sinkTask(request.instanceId);
      await instance.task.put(decodeSinkRecords(request.batch));
      return { errantRecords: instance.errantRecords.splice(0) };
    }),

    PreCommit: unary(async (request: PreCommitRequest__Output): Promise<PreCommitResponse> => {
      const instance = instances.sinkTask(request.instanceId);
      const offsets: TopicPartitionOffset[] = request.offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset }));
      const committable = await instance.task.preCommit(offsets);
      return { offsets: committable.map(({ topic, partition, offset }) => ({ topic, partition, offset })), errantRecords: instance.errantRecords.splice(0) };
    }),

    ClosePartitions: unary(async (request: ClosePartitionsRequest__Output) => {
      await instances.sinkTask(request.instanceId).task.close(partitions(request.partitions));
      return {};
    }),

    StopSinkTask: unary(async (request: StopSinkTaskRequest__Output) => {
      const { task } = instances.sinkTask(request.instanceId);
      instances.remove(request.instanceId);
      await task.stop();
      return {};
    }),
  };
}

function partitions(list: ReadonlyArray<{ topic: string; partition: number }>): TopicPartition[] {
  return list.map(({ topic, partition }) => ({ topic, partition }));
}
