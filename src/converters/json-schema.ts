// The JsonConverter's schema form: a Connect schema as the JSON object of the envelope's "schema"
// member, and back (Kafka's JsonConverter.asJsonSchema / asConnectSchema).
//
//   {"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"}],"optional":false,"name":"com.example.User"}
//
// Members, in Kafka's order: "type" (boolean, int8, int16, int32, int64, float, double, bytes,
// string, array, map, struct); "items" (array), "keys" and "values" (map), "fields" (struct: each
// field's own schema object with "field" appended last); then "optional" (always), and "name",
// "version", "doc", "parameters", "default" when set. Defaults are converted with the payload rules,
// which the converter passes in.

import { DataException, SchemaBuilder, type Schema, type SchemaType } from '../data/index.js';
import { JsonNumber, isObjectNode, type JsonNode, type JsonObject } from './json-node.js';

export const ENVELOPE_SCHEMA_FIELD_NAME = 'schema';
export const ENVELOPE_PAYLOAD_FIELD_NAME = 'payload';

const TYPE_NAMES: Readonly<Record<SchemaType, string>> = {
  BOOLEAN: 'boolean',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BYTES: 'bytes',
  STRING: 'string',
  ARRAY: 'array',
  MAP: 'map',
  STRUCT: 'struct',
};

const TYPES_BY_NAME: ReadonlyMap<string, SchemaType> = new Map(Object.entries(TYPE_NAMES).map(([type, name]) => [name, type as SchemaType]));

/** Converts a (non-null) default value to JSON with the payload rules. */
export type DefaultToJson = (schema: Schema, value: unknown) => JsonNode;
/** Converts a JSON default to a Connect value with the payload rules. */
export type DefaultToConnect = (schema: Schema, node: JsonNode) => unknown;

/**
 * Translates Connect schemas to their JSON form, remembering up to `cacheSize` recent schemas (by
 * identity: schemas are immutable and usually shared by all records of a stream).
 */
export class JsonSchemaWriter {
  readonly #cache: LruCache<Schema, JsonObject>;

  constructor(
    cacheSize: number,
    private readonly defaultToJson: DefaultToJson,
  ) {
    this.#cache = new LruCache(cacheSize);
  }

  /** The JSON form of a schema; callers must not modify the returned object. */
  asJsonSchema(schema: Schema): JsonObject {
    const cached = this.#cache.get(schema);
    if (cached !== undefined) return cached;
    const json: JsonObject = new Map([['type', TYPE_NAMES[schema.type]]]);
    switch (schema.type) {
      case 'ARRAY':
        json.set('items', this.asJsonSchema(schema.valueSchema!));
        break;
      case 'MAP':
        json.set('keys', this.asJsonSchema(schema.keySchema!));
        json.set('values', this.asJsonSchema(schema.valueSchema!));
        break;
      case 'STRUCT':
        json.set(
          'fields',
          schema.fields.map((field) => new Map([...this.asJsonSchema(field.schema), ['field', field.name]])),
        );
        break;
      default:
        break;
    }
    json.set('optional', schema.optional);
    if (schema.name !== undefined) json.set('name', schema.name);
    if (schema.version !== undefined) json.set('version', JsonNumber.integer(schema.version));
    if (schema.doc !== undefined) json.set('doc', schema.doc);
    if (schema.parameters !== undefined) json.set('parameters', new Map(Object.entries(schema.parameters)));
    if (schema.defaultValue !== undefined && schema.defaultValue !== null) json.set('default', this.defaultToJson(schema, schema.defaultValue));
    this.#cache.set(schema, json);
    return json;
  }
}

/** Translates the JSON form back to Connect schemas, remembering up to `cacheSize` recent ones (by JSON text). */
export class JsonSchemaReader {
  readonly #cache: LruCache<string, Schema>;

  constructor(
    cacheSize: number,
    private readonly defaultToConnect: DefaultToConnect,
  ) {
    this.#cache = new LruCache(cacheSize);
  }

  /** The Connect schema of a JSON schema; JSON null means "no schema". */
  asConnectSchema(json: JsonNode, cacheKey?: string): Schema | null {
    if (json === null) return null;
    if (cacheKey !== undefined) {
      const cached = this.#cache.get(cacheKey);
      if (cached !== undefined) return cached;
    }
    const schema = this.#build(json);
    if (cacheKey !== undefined) this.#cache.set(cacheKey, schema);
    return schema;
  }

  #build(json: JsonNode): Schema {
    const member = (name: string): JsonNode | undefined => (isObjectNode(json) ? json.get(name) : undefined);
    const typeName = member('type');
    if (typeof typeName !== 'string') throw new DataException("Schema must contain 'type' field");
    const builder = this.#builderFor(typeName, member);
    if (member('optional') === true) builder.optional();
    else builder.required();
    const name = member('name');
    if (typeof name === 'string') builder.name(name);
    const version = member('version');
    if (version instanceof JsonNumber && version.isIntegral()) builder.version(version.intValue());
    const doc = member('doc');
    if (typeof doc === 'string') builder.doc(doc);
    const parameters = member('parameters');
    if (isObjectNode(parameters)) {
      for (const [key, value] of parameters) {
        if (typeof value !== 'string') throw new DataException('Schema parameters must have string values.');
        builder.parameter(key, value);
      }
    }
    const defaultNode = member('default');
    if (defaultNode === undefined) return builder.build();
    // Kafka converts the default against the schema built so far (everything but the default).
    builder.defaultValue(this.defaultToConnect(builder.build(), defaultNode));
    return builder.build();
  }

  #builderFor(typeName: string, member: (name: string) => JsonNode | undefined): SchemaBuilder {
    const type = TYPES_BY_NAME.get(typeName);
    switch (type) {
      case undefined:
        throw new DataException(`Unknown schema type: ${typeName}`);
      case 'ARRAY': {
        const items = member('items');
        if (items === undefined || items === null) throw new DataException('Array schema did not specify the element type');
        return SchemaBuilder.array(this.#build(items));
      }
      case 'MAP': {
        const keys = member('keys');
        if (keys === undefined) throw new DataException('Map schema did not specify the key type');
        const values = member('values');
        if (values === undefined) throw new DataException('Map schema did not specify the value type');
        return SchemaBuilder.map(this.#required(keys, 'keySchema cannot be null.'), this.#required(values, 'valueSchema cannot be null.'));
      }
      case 'STRUCT': {
        const builder = SchemaBuilder.struct();
        const fields = member('fields');
        if (!Array.isArray(fields)) throw new DataException('Struct schema\'s "fields" argument is not an array.');
        for (const field of fields) {
          const fieldName = isObjectNode(field) ? field.get('field') : undefined;
          if (typeof fieldName !== 'string') throw new DataException("Struct schema's field name not specified properly");
          builder.field(fieldName, this.#build(field));
        }
        return builder;
      }
      default:
        return SchemaBuilder.type(type);
    }
  }

  /** Map key and value schemas may not be JSON null (Kafka's SchemaBuilderException messages). */
  #required(json: JsonNode, message: string): Schema {
    if (json === null) throw new DataException(message);
    return this.#build(json);
  }
}

/** A small least-recently-used cache on a Map's insertion order. */
class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }
}
