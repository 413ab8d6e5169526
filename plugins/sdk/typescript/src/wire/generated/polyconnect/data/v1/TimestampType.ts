// Original file: ../../../proto/polyconnect/data/v1/record.proto

export const TimestampType = {
  TIMESTAMP_TYPE_UNSPECIFIED: 'TIMESTAMP_TYPE_UNSPECIFIED',
  TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE: 'TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE',
  TIMESTAMP_TYPE_CREATE_TIME: 'TIMESTAMP_TYPE_CREATE_TIME',
  TIMESTAMP_TYPE_LOG_APPEND_TIME: 'TIMESTAMP_TYPE_LOG_APPEND_TIME',
} as const;

export type TimestampType =
  | 'TIMESTAMP_TYPE_UNSPECIFIED'
  | 0
  | 'TIMESTAMP_TYPE_NO_TIMESTAMP_TYPE'
  | 1
  | 'TIMESTAMP_TYPE_CREATE_TIME'
  | 2
  | 'TIMESTAMP_TYPE_LOG_APPEND_TIME'
  | 3

export type TimestampType__Output = typeof TimestampType[keyof typeof TimestampType]
