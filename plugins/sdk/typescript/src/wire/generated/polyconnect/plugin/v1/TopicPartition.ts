// Original file: ../../../proto/polyconnect/plugin/v1/offsets.proto


export interface TopicPartition {
  'topic'?: (string);
  'partition'?: (number);
}

export interface TopicPartition__Output {
  'topic': (string);
  'partition': (number);
}
