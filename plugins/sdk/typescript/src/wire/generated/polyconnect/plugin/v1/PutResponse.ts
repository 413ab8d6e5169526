// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type { ErrantRecord as _polyconnect_plugin_v1_ErrantRecord, ErrantRecord__Output as _polyconnect_plugin_v1_ErrantRecord__Output } from '../../../polyconnect/plugin/v1/ErrantRecord.js';

export interface PutResponse {
  'errantRecords'?: (_polyconnect_plugin_v1_ErrantRecord)[];
}

export interface PutResponse__Output {
  'errantRecords': (_polyconnect_plugin_v1_ErrantRecord__Output)[];
}
