// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto

import type { SourceRecordBatch as _polyconnect_data_v1_SourceRecordBatch, SourceRecordBatch__Output as _polyconnect_data_v1_SourceRecordBatch__Output } from '../../../polyconnect/data/v1/SourceRecordBatch.js';

export interface PollResponse {
  'batch'?: (_polyconnect_data_v1_SourceRecordBatch | null);
}

export interface PollResponse__Output {
  'batch': (_polyconnect_data_v1_SourceRecordBatch__Output | null);
}
