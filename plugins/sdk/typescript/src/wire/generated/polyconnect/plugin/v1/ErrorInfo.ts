// Original file: ../../../proto/polyconnect/plugin/v1/errors.proto


export interface ErrorInfo {
  'errorClass'?: (string);
  'message'?: (string);
  'stackTrace'?: (string);
  'retriable'?: (boolean);
}

export interface ErrorInfo__Output {
  'errorClass': (string);
  'message': (string);
  'stackTrace': (string);
  'retriable': (boolean);
}
