// The second half of Kafka's built-in SMTs, under Kafka's class names, for registry.ts:
// HoistField, InsertField, InsertHeader, MaskField, RegexRouter, ReplaceField, SetSchemaMetadata,
// TimestampConverter, TimestampRouter and ValueToKey (the others are in builtins-a.ts).

import { HoistField } from './hoist-field.js';
import { InsertField } from './insert-field.js';
import { InsertHeader } from './insert-header.js';
import { MaskField } from './mask-field.js';
import { KEY, VALUE, transformClassName, type RecordPart } from './record-part.js';
import { RegexRouter } from './regex-router.js';
import { ReplaceField } from './replace-field.js';
import { SetSchemaMetadata } from './set-schema-metadata.js';
import { BUILTIN_PLUGIN_VERSION } from './smt-support.js';
import { TimestampConverter } from './timestamp-converter.js';
import { TimestampRouter } from './timestamp-router.js';
import type { PluginClassEntry, Transformation } from './transformation.js';
import { ValueToKey } from './value-to-key.js';

/** The $Key and $Value entries of a transform that works on either part of the record. */
function keyAndValue(simpleName: string, type: new (part: RecordPart) => Transformation): PluginClassEntry<Transformation>[] {
  return [KEY, VALUE].map((part) => ({ className: transformClassName(simpleName, part), version: BUILTIN_PLUGIN_VERSION, create: () => new type(part) }));
}

function single(simpleName: string, type: new () => Transformation): PluginClassEntry<Transformation> {
  return { className: transformClassName(simpleName), version: BUILTIN_PLUGIN_VERSION, create: () => new type() };
}

export const BUILTIN_TRANSFORMATIONS_B: PluginClassEntry<Transformation>[] = [
  ...keyAndValue('HoistField', HoistField),
  ...keyAndValue('InsertField', InsertField),
  single('InsertHeader', InsertHeader),
  ...keyAndValue('MaskField', MaskField),
  single('RegexRouter', RegexRouter),
  ...keyAndValue('ReplaceField', ReplaceField),
  ...keyAndValue('SetSchemaMetadata', SetSchemaMetadata),
  ...keyAndValue('TimestampConverter', TimestampConverter),
  single('TimestampRouter', TimestampRouter),
  single('ValueToKey', ValueToKey),
];
