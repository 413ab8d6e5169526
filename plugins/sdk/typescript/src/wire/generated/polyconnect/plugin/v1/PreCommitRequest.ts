// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type { TopicPartitionOffset as _polyconnect_plugin_v1_TopicPartitionOffset, TopicPartitionOffset__Output as _polyconnect_plugin_v1_TopicPartitionOffset__Output } from '../../../polyconnect/plugin/v1/TopicPartitionOffset.js';

export interface PreCommitRequest {
  'instanceId'?: (string);
  'offsets'?: (_polyconnect_plugin_v1_TopicPartitionOffset)[];
}

export interface PreCommitRequest__Output {
  'instanceId': (string);
  'offsets': (_polyconnect_plugin_v1_TopicPartitionOffset__Output)[];
}
