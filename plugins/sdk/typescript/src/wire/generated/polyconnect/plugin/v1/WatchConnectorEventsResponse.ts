// Original file: ../../../proto/polyconnect/plugin/v1/connector_service.proto

import type { RequestTaskReconfiguration as _polyconnect_plugin_v1_RequestTaskReconfiguration, RequestTaskReconfiguration__Output as _polyconnect_plugin_v1_RequestTaskReconfiguration__Output } from '../../../polyconnect/plugin/v1/RequestTaskReconfiguration.js';
import type { ErrorInfo as _polyconnect_plugin_v1_ErrorInfo, ErrorInfo__Output as _polyconnect_plugin_v1_ErrorInfo__Output } from '../../../polyconnect/plugin/v1/ErrorInfo.js';

export interface WatchConnectorEventsResponse {
  'requestTaskReconfiguration'?: (_polyconnect_plugin_v1_RequestTaskReconfiguration | null);
  'error'?: (_polyconnect_plugin_v1_ErrorInfo | null);
  'event'?: "requestTaskReconfiguration"|"error";
}

export interface WatchConnectorEventsResponse__Output {
  'requestTaskReconfiguration'?: (_polyconnect_plugin_v1_RequestTaskReconfiguration__Output | null);
  'error'?: (_polyconnect_plugin_v1_ErrorInfo__Output | null);
  'event'?: "requestTaskReconfiguration"|"error";
}
