// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type { SinkRecordBatch as _polyconnect_data_v1_SinkRecordBatch, SinkRecordBatch__Output as _polyconnect_data_v1_SinkRecordBatch__Output } from '../../../polyconnect/data/v1/SinkRecordBatch.js';

export interface PutRequest {
  'instanceId'?: (string);
  'batch'?: (_polyconnect_data_v1_SinkRecordBatch | null);
}

export interface PutRequest__Output {
  'instanceId': (string);
  'batch': (_polyconnect_data_v1_SinkRecordBatch__Output | null);
}
