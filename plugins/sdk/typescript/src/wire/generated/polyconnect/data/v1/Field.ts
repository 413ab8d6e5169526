// Original file: ../../../proto/polyconnect/data/v1/schema.proto

import type { Schema as _polyconnect_data_v1_Schema, Schema__Output as _polyconnect_data_v1_Schema__Output } from '../../../polyconnect/data/v1/Schema.js';

export interface Field {
  'name'?: (string);
  'schema'?: (_polyconnect_data_v1_Schema | null);
}

export interface Field__Output {
  'name': (string);
  'schema': (_polyconnect_data_v1_Schema__Output | null);
}
