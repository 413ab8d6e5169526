// Original file: ../../../proto/polyconnect/plugin/v1/errors.proto

import type { ErrorInfo as _polyconnect_plugin_v1_ErrorInfo, ErrorInfo__Output as _polyconnect_plugin_v1_ErrorInfo__Output } from '../../../polyconnect/plugin/v1/ErrorInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface ErrantRecord {
  'topic'?: (string);
  'kafkaPartition'?: (number);
  'kafkaOffset'?: (number | string | Long);
  'error'?: (_polyconnect_plugin_v1_ErrorInfo | null);
}

export interface ErrantRecord__Output {
  'topic': (string);
  'kafkaPartition': (number);
  'kafkaOffset': (number);
  'error': (_polyconnect_plugin_v1_ErrorInfo__Output | null);
}
