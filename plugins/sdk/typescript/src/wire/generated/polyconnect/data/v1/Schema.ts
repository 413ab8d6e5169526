// Original file: ../../../proto/polyconnect/data/v1/schema.proto

import type { SchemaType as _polyconnect_data_v1_SchemaType, SchemaType__Output as _polyconnect_data_v1_SchemaType__Output } from '../../../polyconnect/data/v1/SchemaType.js';
import type { Field as _polyconnect_data_v1_Field, Field__Output as _polyconnect_data_v1_Field__Output } from '../../../polyconnect/data/v1/Field.js';
import type { Schema as _polyconnect_data_v1_Schema, Schema__Output as _polyconnect_data_v1_Schema__Output } from '../../../polyconnect/data/v1/Schema.js';

export interface Schema {
  'type'?: (_polyconnect_data_v1_SchemaType);
  'optional'?: (boolean);
  'name'?: (string);
  'version'?: (number);
  'doc'?: (string);
  'parameters'?: ({[key: string]: string});
  'defaultValue'?: (string);
  'fields'?: (_polyconnect_data_v1_Field)[];
  'keySchema'?: (_polyconnect_data_v1_Schema | null);
  'valueSchema'?: (_polyconnect_data_v1_Schema | null);
  '_name'?: "name";
  '_version'?: "version";
  '_doc'?: "doc";
  '_defaultValue'?: "defaultValue";
}

export interface Schema__Output {
  'type': (_polyconnect_data_v1_SchemaType__Output);
  'optional': (boolean);
  'name'?: (string);
  'version'?: (number);
  'doc'?: (string);
  'parameters': ({[key: string]: string});
  'defaultValue'?: (string);
  'fields': (_polyconnect_data_v1_Field__Output)[];
  'keySchema': (_polyconnect_data_v1_Schema__Output | null);
  'valueSchema': (_polyconnect_data_v1_Schema__Output | null);
  '_name'?: "name";
  '_version'?: "version";
  '_doc'?: "doc";
  '_defaultValue'?: "defaultValue";
}
