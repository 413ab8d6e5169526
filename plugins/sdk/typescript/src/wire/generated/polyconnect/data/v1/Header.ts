// Original file: ../../../proto/polyconnect/data/v1/record.proto


export interface Header {
  'key'?: (string);
  'schemaRef'?: (number);
  'value'?: (string);
}

export interface Header__Output {
  'key': (string);
  'schemaRef': (number);
  'value': (string);
}
