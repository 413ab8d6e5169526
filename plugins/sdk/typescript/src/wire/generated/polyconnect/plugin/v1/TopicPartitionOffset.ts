// Original file: ../../../proto/polyconnect/plugin/v1/offsets.proto

import type { Long } from '@grpc/proto-loader';

export interface TopicPartitionOffset {
  'topic'?: (string);
  'partition'?: (number);
  'offset'?: (number | string | Long);
}

export interface TopicPartitionOffset__Output {
  'topic': (string);
  'partition': (number);
  'offset': (number);
}
