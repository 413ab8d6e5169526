// Test helpers: pass batches through real protobuf bytes, as they travel between worker and plugin,
// using the serializers of the loaded service definitions (the same ones grpc-js uses).

import type { MethodDefinition } from '@grpc/proto-loader';
import { serviceDefinition } from '../src/wire/proto-files.js';
import type { SinkRecordBatch, SinkRecordBatch__Output } from '../src/wire/generated/polyconnect/data/v1/SinkRecordBatch.js';
import type { SourceRecordBatch, SourceRecordBatch__Output } from '../src/wire/generated/polyconnect/data/v1/SourceRecordBatch.js';

type Method = MethodDefinition<object, object, object, object>;

function method(service: 'SourceTaskService' | 'SinkTaskService', name: string): Method {
  const definition = serviceDefinition(service)[name];
  if (definition === undefined) throw new Error(`No method ${service}.${name}`);
  return definition as unknown as Method;
}

/** A source batch as the worker receives it: serialized in a PollResponse and parsed back. */
export function sourceBatchOverWire(batch: SourceRecordBatch): SourceRecordBatch__Output {
  const poll = method('SourceTaskService', 'Poll');
  const bytes = poll.responseSerialize({ batch });
  return (poll.responseDeserialize(bytes) as { batch: SourceRecordBatch__Output }).batch;
}

/** A sink batch as the plugin receives it: serialized in a PutRequest and parsed back. */
export function sinkBatchOverWire(batch: SinkRecordBatch): SinkRecordBatch__Output {
  const put = method('SinkTaskService', 'Put');
  const bytes = put.requestSerialize({ instanceId: 'test', batch });
  return (put.requestDeserialize(bytes) as { batch: SinkRecordBatch__Output }).batch;
}

/** The protobuf bytes of a PollResponse holding this batch. */
export function serializedSourceBatch(batch: SourceRecordBatch): Buffer {
  return method('SourceTaskService', 'Poll').responseSerialize({ batch });
}
