// Original file: ../../../proto/polyconnect/plugin/v1/sink_task_service.proto

import type { TopicPartition as _polyconnect_plugin_v1_TopicPartition, TopicPartition__Output as _polyconnect_plugin_v1_TopicPartition__Output } from '../../../polyconnect/plugin/v1/TopicPartition.js';

export interface ClosePartitionsRequest {
  'instanceId'?: (string);
  'partitions'?: (_polyconnect_plugin_v1_TopicPartition)[];
}

export interface ClosePartitionsRequest__Output {
  'instanceId': (string);
  'partitions': (_polyconnect_plugin_v1_TopicPartition__Output)[];
}
