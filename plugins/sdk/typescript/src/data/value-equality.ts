// Equality of Connect values (Kafka's Objects.equals / ConnectSchema value comparison): numbers and
// bigints of equal value, bytes by content, dates by instant, maps and arrays element-wise, and
// objects that define `equals` (Struct, BigDecimal) through it. Knows nothing of schemas.

interface HasEquals {
  equals(other: unknown): boolean;
}

function hasEquals(value: unknown): value is HasEquals {
  return typeof value === 'object' && value !== null && typeof (value as { equals?: unknown }).equals === 'function';
}

export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    // An INT64 may be held as a number or a bigint; `==` compares the two exactly.
    return a == b; // eslint-disable-line eqeqeq
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.compare(a, b) === 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((element, i) => valueEquals(element, b[i]));
  if (a instanceof Map && b instanceof Map) return mapEquals(a, b);
  if (hasEquals(a)) return a.equals(b);
  return false;
}

function mapEquals(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (b.has(key)) {
      if (!valueEquals(value, b.get(key))) return false;
      continue;
    }
    // Keys that are not primitives (bytes, structs) need a structural lookup.
    let found = false;
    for (const [otherKey, otherValue] of b) {
      if (valueEquals(key, otherKey)) {
        if (!valueEquals(value, otherValue)) return false;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
