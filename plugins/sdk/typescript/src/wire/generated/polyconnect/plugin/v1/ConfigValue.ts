// Original file: ../../../proto/polyconnect/plugin/v1/config.proto


export interface ConfigValue {
  'name'?: (string);
  'value'?: (string);
  'recommendedValues'?: (string)[];
  'errors'?: (string)[];
  'visible'?: (boolean);
  '_value'?: "value";
}

export interface ConfigValue__Output {
  'name': (string);
  'value'?: (string);
  'recommendedValues': (string)[];
  'errors': (string)[];
  'visible': (boolean);
  '_value'?: "value";
}
