// Original file: ../../../proto/polyconnect/data/v1/record.proto

import type { Header as _polyconnect_data_v1_Header, Header__Output as _polyconnect_data_v1_Header__Output } from '../../../polyconnect/data/v1/Header.js';
import type { Long } from '@grpc/proto-loader';

export interface SourceRecord {
  'topic'?: (string);
  'kafkaPartition'?: (number);
  'keySchemaRef'?: (number);
  'key'?: (string);
  'valueSchemaRef'?: (number);
  'value'?: (string);
  'timestamp'?: (number | string | Long);
  'headers'?: (_polyconnect_data_v1_Header)[];
  'sourcePartition'?: (string);
  'sourceOffset'?: (string);
  '_kafkaPartition'?: "kafkaPartition";
  '_timestamp'?: "timestamp";
}

export interface SourceRecord__Output {
  'topic': (string);
  'kafkaPartition'?: (number);
  'keySchemaRef': (number);
  'key': (string);
  'valueSchemaRef': (number);
  'value': (string);
  'timestamp'?: (number);
  'headers': (_polyconnect_data_v1_Header__Output)[];
  'sourcePartition': (string);
  'sourceOffset': (string);
  '_kafkaPartition'?: "kafkaPartition";
  '_timestamp'?: "timestamp";
}
