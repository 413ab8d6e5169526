// Original file: ../../../proto/polyconnect/data/v1/record.proto

import type { Schema as _polyconnect_data_v1_Schema, Schema__Output as _polyconnect_data_v1_Schema__Output } from '../../../polyconnect/data/v1/Schema.js';
import type { SinkRecord as _polyconnect_data_v1_SinkRecord, SinkRecord__Output as _polyconnect_data_v1_SinkRecord__Output } from '../../../polyconnect/data/v1/SinkRecord.js';

export interface SinkRecordBatch {
  'schemas'?: (_polyconnect_data_v1_Schema)[];
  'records'?: (_polyconnect_data_v1_SinkRecord)[];
}

export interface SinkRecordBatch__Output {
  'schemas': (_polyconnect_data_v1_Schema__Output)[];
  'records': (_polyconnect_data_v1_SinkRecord__Output)[];
}
