// The first half of Kafka's built-in SMTs, under Kafka's class names, for registry.ts: Cast,
// DropHeaders, ExtractField, Filter, Flatten and HeaderFrom (the others are in builtins-b.ts).

import { Cast } from './cast.js';
import { DropHeaders } from './drop-headers.js';
import { ExtractField } from './extract-field.js';
import { Filter } from './filter.js';
import { Flatten } from './flatten.js';
import { HeaderFrom } from './header-from.js';
import { KEY, VALUE, type RecordPart } from './record-part.js';
import { BUILTIN_PLUGIN_VERSION } from './smt-support.js';
import type { PluginClassEntry, Transformation } from './transformation.js';

/** The $Key and $Value entries of a transform that works on either part. */
function keyAndValue(type: { className(part: RecordPart): string; new (part: RecordPart): Transformation }): PluginClassEntry<Transformation>[] {
  return [KEY, VALUE].map((part) => ({ className: type.className(part), version: BUILTIN_PLUGIN_VERSION, create: () => new type(part) }));
}

export const BUILTIN_TRANSFORMATIONS_A: PluginClassEntry<Transformation>[] = [
  ...keyAndValue(Cast),
  { className: DropHeaders.CLASS_NAME, version: BUILTIN_PLUGIN_VERSION, create: () => new DropHeaders() },
  ...keyAndValue(ExtractField),
  { className: Filter.CLASS_NAME, version: BUILTIN_PLUGIN_VERSION, create: () => new Filter() },
  ...keyAndValue(Flatten),
  ...keyAndValue(HeaderFrom),
];
