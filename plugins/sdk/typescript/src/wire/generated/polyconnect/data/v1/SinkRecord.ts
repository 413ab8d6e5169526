// Original file: ../../../proto/polyconnect/data/v1/record.proto

import type { TimestampType as _polyconnect_data_v1_TimestampType, TimestampType__Output as _polyconnect_data_v1_TimestampType__Output } from '../../../polyconnect/data/v1/TimestampType.js';
import type { Header as _polyconnect_data_v1_Header, Header__Output as _polyconnect_data_v1_Header__Output } from '../../../polyconnect/data/v1/Header.js';
import type { Long } from '@grpc/proto-loader';

export interface SinkRecord {
  'topic'?: (string);
  'kafkaPartition'?: (number);
  'kafkaOffset'?: (number | string | Long);
  'timestamp'?: (number | string | Long);
  'timestampType'?: (_polyconnect_data_v1_TimestampType);
  'keySchemaRef'?: (number);
  'key'?: (string);
  'valueSchemaRef'?: (number);
  'value'?: (string);
  'headers'?: (_polyconnect_data_v1_Header)[];
  'originalTopic'?: (string);
  'originalKafkaPartition'?: (number);
  'originalKafkaOffset'?: (number | string | Long);
  '_timestamp'?: "timestamp";
}

export interface SinkRecord__Output {
  'topic': (string);
  'kafkaPartition': (number);
  'kafkaOffset': (number);
  'timestamp'?: (number);
  'timestampType': (_polyconnect_data_v1_TimestampType__Output);
  'keySchemaRef': (number);
  'key': (string);
  'valueSchemaRef': (number);
  'value': (string);
  'headers': (_polyconnect_data_v1_Header__Output)[];
  'originalTopic': (string);
  'originalKafkaPartition': (number);
  'originalKafkaOffset': (number);
  '_timestamp'?: "timestamp";
}
