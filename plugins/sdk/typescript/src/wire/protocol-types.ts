// Re-exports of the generated protocol message types (hand-written; the files under generated/ come from
// `npm run proto:types` in plugins/sdk/typescript).

export type { Schema, Schema__Output } from './generated/polyconnect/data/v1/Schema.js';
export type { SourceRecordBatch, SourceRecordBatch__Output } from './generated/polyconnect/data/v1/SourceRecordBatch.js';
export type { SinkRecordBatch, SinkRecordBatch__Output } from './generated/polyconnect/data/v1/SinkRecordBatch.js';
export type { ConfigKey, ConfigKey__Output } from './generated/polyconnect/plugin/v1/ConfigKey.js';
export type { ConfigValue, ConfigValue__Output } from './generated/polyconnect/plugin/v1/ConfigValue.js';
export type { ConnectorDescription, ConnectorDescription__Output } from './generated/polyconnect/plugin/v1/ConnectorDescription.js';
export type { DescribeResponse, DescribeResponse__Output } from './generated/polyconnect/plugin/v1/DescribeResponse.js';
export type { ErrantRecord, ErrantRecord__Output } from './generated/polyconnect/plugin/v1/ErrantRecord.js';
export type { ErrorInfo, ErrorInfo__Output } from './generated/polyconnect/plugin/v1/ErrorInfo.js';
export type { SourceOffset, SourceOffset__Output } from './generated/polyconnect/plugin/v1/SourceOffset.js';
export type { TopicPartition, TopicPartition__Output } from './generated/polyconnect/plugin/v1/TopicPartition.js';
export type { TopicPartitionOffset, TopicPartitionOffset__Output } from './generated/polyconnect/plugin/v1/TopicPartitionOffset.js';
export type { WatchConnectorEventsResponse__Output } from './generated/polyconnect/plugin/v1/WatchConnectorEventsResponse.js';
export type { GetTaskConfigsResponse__Output } from './generated/polyconnect/plugin/v1/GetTaskConfigsResponse.js';
export type { PollResponse__Output } from './generated/polyconnect/plugin/v1/PollResponse.js';
export type { PutResponse__Output } from './generated/polyconnect/plugin/v1/PutResponse.js';
export type { PreCommitResponse__Output } from './generated/polyconnect/plugin/v1/PreCommitResponse.js';
export type { ValidateConfigResponse__Output } from './generated/polyconnect/plugin/v1/ValidateConfigResponse.js';
