// Connect's data model: schemas, structs, logical types, records and the exception family.

export * from './big-decimal.js';
export * from './errors.js';
export * from './logical-types.js';
export * from './records.js';
export * from './schema.js';
export * from './schema-builder.js';
export { Struct, validateValue, mapEntries, isPlainObject } from './struct.js';
export { valueEquals } from './value-equality.js';
export * from './logical-names.js';
