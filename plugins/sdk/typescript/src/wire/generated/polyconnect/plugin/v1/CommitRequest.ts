// Original file: ../../../proto/polyconnect/plugin/v1/source_task_service.proto

import type { SourceOffset as _polyconnect_plugin_v1_SourceOffset, SourceOffset__Output as _polyconnect_plugin_v1_SourceOffset__Output } from '../../../polyconnect/plugin/v1/SourceOffset.js';

export interface CommitRequest {
  'instanceId'?: (string);
  'offsets'?: (_polyconnect_plugin_v1_SourceOffset)[];
}

export interface CommitRequest__Output {
  'instanceId': (string);
  'offsets': (_polyconnect_plugin_v1_SourceOffset__Output)[];
}
