// Field paths of KIP-821 (Kafka's SingleFieldPath and FieldSyntaxVersion): `field.syntax.version`
// V1 takes the configured name literally; V2 reads it as a dotted path into nested structs or maps,
// with backticks around names that contain dots (`` `foo.bar`.baz ``) and a backslash before a
// backtick that belongs to the name. Used by ExtractField.

import { ConfigException, DataException, type ConfigDef, type ConfigValidator, type Field, type Schema, type Struct } from '../data/index.js';
import { mapGet, requireSchemalessMap, type SchemalessMap } from './schemaless-map.js';
import { requireStructOrNull } from './smt-support.js';

export type FieldSyntaxVersion = 'V1' | 'V2';

export const FIELD_SYNTAX_VERSION_CONFIG = 'field.syntax.version';

/** Kafka's CaseInsensitiveValidString.in(V1, V2), with its message. */
const caseInsensitiveVersion: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (typeof value === 'string' && (value.toUpperCase() === 'V1' || value.toUpperCase() === 'V2')) return;
    throw ConfigException.invalidValue(name, value, 'String must be one of (case insensitive): V1, V2');
  },
  { describe: '(case insensitive) [V1, V2]' },
);

/** Adds `field.syntax.version` (V1 | V2, case-insensitive, default V1) to a transform's ConfigDef. */
export function appendFieldSyntaxVersion(configDef: ConfigDef): ConfigDef {
  return configDef.define({
    name: FIELD_SYNTAX_VERSION_CONFIG,
    type: 'STRING',
    defaultValue: 'V1',
    validator: caseInsensitiveVersion,
    importance: 'HIGH',
    documentation:
      'Defines the version of the syntax to access fields. If set to `V1`, then the field paths are limited to access the elements at the root level of the struct or map. ' +
      'If set to `V2`, the syntax will support accessing nested elements. To access nested elements, dotted notation is used. ' +
      'If dots are already included in the field name, then backtick pairs can be used to wrap field names containing dots. ' +
      'E.g. to access the subfield `baz` from a field named "foo.bar" in a struct/map the following format can be used to access its elements: "`foo.bar`.baz".',
  });
}

/** The parsed `field.syntax.version` (Kafka's FieldSyntaxVersion.fromConfig). */
export function fieldSyntaxVersion(value: string): FieldSyntaxVersion {
  const version = value.toUpperCase();
  if (version !== 'V1' && version !== 'V2') throw ConfigException.invalidValue(FIELD_SYNTAX_VERSION_CONFIG, value, 'Unrecognized field syntax version');
  return version;
}

export class SingleFieldPath {
  readonly steps: readonly string[];

  constructor(path: string, version: FieldSyntaxVersion) {
    this.steps = version === 'V1' ? [path] : parseV2(path);
  }

  /** The field at the path in `schema`, or undefined when a step does not exist. */
  fieldFrom(schema: Schema): Field | undefined {
    let current = schema;
    for (const step of this.#parents()) {
      const field = structField(current, step);
      if (field === undefined) return undefined;
      current = field.schema;
    }
    return structField(current, this.#last());
  }

  /** The value at the path in a struct (null when a step is missing or null); the last step's default applies when `withDefault`. */
  valueFromStruct(struct: Struct, withDefault: boolean): unknown {
    let current: Struct | null = struct;
    for (const step of this.#parents()) {
      if (structField(current.schema, step) === undefined) return null;
      current = requireStructOrNull(current.get(step), 'nested field access');
      if (current === null) return null;
    }
    const last = this.#last();
    if (structField(current.schema, last) === undefined) return null;
    return withDefault ? current.get(last) : current.getWithoutDefault(last);
  }

  /** The value at the path in a schemaless map (null when a step is missing or null). */
  valueFromMap(map: SchemalessMap): unknown {
    let current: SchemalessMap = map;
    for (const step of this.#parents()) {
      const next = mapGet(current, step);
      if (next === null) return null;
      current = requireSchemalessMap(next, 'nested field access');
    }
    return mapGet(current, this.#last());
  }

  #parents(): readonly string[] {
    return this.steps.slice(0, this.#lastIndex());
  }

  #last(): string {
    return this.steps[this.#lastIndex()]!;
  }

  #lastIndex(): number {
    // Kafka: an empty V2 path has no steps and fails at the first record.
    if (this.steps.length === 0) throw new RangeError('Index -1 out of bounds for length 0');
    return this.steps.length - 1;
  }
}

/** Kafka's ConnectSchema.field: fields can only be looked up on a struct schema. */
function structField(schema: Schema, name: string): Field | undefined {
  if (schema.type !== 'STRUCT') throw new DataException('Cannot look up fields on non-struct type');
  return schema.field(name);
}

/** Splits a V2 path into steps: dots separate, backticks quote, \` inside quotes is a backtick. */
function parseV2(path: string): string[] {
  const steps: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] !== '`') {
      const dot = path.indexOf('.', i);
      steps.push(dot < 0 ? path.slice(i) : path.slice(i, dot));
      i = dot < 0 ? path.length : dot + 1;
      continue;
    }
    const opening = i;
    let name = '';
    let start = i + 1;
    let at = start;
    for (;;) {
      const backtick = path.indexOf('`', at);
      if (backtick < 0) throw incompleteBacktickPair(path, opening);
      const escaped = path[backtick - 1] === '\\';
      if (backtick >= path.length - 1) {
        // The closing backtick ends the path.
        if (escaped) throw incompleteBacktickPair(path, opening);
        steps.push(name + path.slice(start, backtick));
        i = backtick + 1;
        break;
      }
      if (path[backtick + 1] !== '.') {
        at = backtick + 1; // a backtick inside the name
        continue;
      }
      if (escaped) {
        name += `${path.slice(start, backtick - 1)}\``;
        start = at = backtick + 1;
        continue;
      }
      steps.push(name + path.slice(start, backtick));
      i = backtick + 2;
      break;
    }
  }
  if (path.endsWith('.')) steps.push('');
  return steps;
}

function incompleteBacktickPair(path: string, at: number): ConfigException {
  return new ConfigException(`Incomplete backtick pair in path: [${path}], consider adding a backslash before backtick at position ${at} to escape it`);
}
