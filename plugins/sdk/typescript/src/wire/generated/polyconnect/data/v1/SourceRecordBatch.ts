// Original file: ../../../proto/polyconnect/data/v1/record.proto

import type { Schema as _polyconnect_data_v1_Schema, Schema__Output as _polyconnect_data_v1_Schema__Output } from '../../../polyconnect/data/v1/Schema.js';
import type { SourceRecord as _polyconnect_data_v1_SourceRecord, SourceRecord__Output as _polyconnect_data_v1_SourceRecord__Output } from '../../../polyconnect/data/v1/SourceRecord.js';

export interface SourceRecordBatch {
  'schemas'?: (_polyconnect_data_v1_Schema)[];
  'records'?: (_polyconnect_data_v1_SourceRecord)[];
}

export interface SourceRecordBatch__Output {
  'schemas': (_polyconnect_data_v1_Schema__Output)[];
  'records': (_polyconnect_data_v1_SourceRecord__Output)[];
}
