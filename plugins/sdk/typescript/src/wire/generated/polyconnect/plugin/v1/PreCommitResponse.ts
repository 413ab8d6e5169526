// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type { TopicPartitionOffset as _polyconnect_plugin_v1_TopicPartitionOffset, TopicPartitionOffset__Output as _polyconnect_plugin_v1_TopicPartitionOffset__Output } from '../../../polyconnect/plugin/v1/TopicPartitionOffset.js';
import type { ErrantRecord as _polyconnect_plugin_v1_ErrantRecord, ErrantRecord__Output as _polyconnect_plugin_v1_ErrantRecord__Output } from '../../../polyconnect/plugin/v1/ErrantRecord.js';

export interface PreCommitResponse {
  'offsets'?: (_polyconnect_plugin_v1_TopicPartitionOffset)[];
  'errantRecords'?: (_polyconnect_plugin_v1_ErrantRecord)[];
}

export interface PreCommitResponse__Output {
  'offsets': (_polyconnect_plugin_v1_TopicPartitionOffset__Output)[];
  'errantRecords': (_polyconnect_plugin_v1_ErrantRecord__Output)[];
}
