// Original file: ../../../proto/polyconnect/plugin/v1/offsets.proto


export interface SourceOffset {
  'partition'?: (string);
  'offset'?: (string);
}

export interface SourceOffset__Output {
  'partition': (string);
  'offset': (string);
}
