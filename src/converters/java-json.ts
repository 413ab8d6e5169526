// JSON text exactly as Kafka's JsonConverter reads and writes it (Jackson 2.19 behind Kafka 4.1):
//
// Writing (Jackson's UTF8JsonGenerator, compact): strings escape `"`, `\` and control characters
// (\b \t \n \f \r short forms, others as \u00XX in upper-case hex); every UTF-16 surrogate, so any
// character beyond the BMP such as an emoji, is written as a \uXXXX escape pair; all other
// characters are raw UTF-8 (including U+007F and U+2028). Floats and doubles use Java's
// Float.toString/Double.toString (1.0, 1.0E10, 1.0E-7); NaN and ±Infinity are written as the
// strings "NaN", "Infinity", "-Infinity". BigDecimal uses Java's BigDecimal.toString (1E+3).
// Binary is standard Base64 with padding.
//
// Reading (Jackson's ObjectMapper.readTree with ALLOW_LEADING_ZEROS_FOR_NUMBERS): strict JSON
// otherwise; an empty or blank document is Jackson's MissingNode; content after the first complete
// root value is ignored (but a root number must end in whitespace); integers keep full precision,
// other numbers are exact decimals; duplicate object keys keep the last value; at most 1000 levels
// of nesting and 1000 digits per number. A UTF-8 byte order mark is skipped; UTF-16/32 input
// (which Jackson auto-detects) is not supported.

import { BigDecimal } from '../data/index.js';
import { javaDoubleToString, javaFloatToString } from './java-number.js';
import { JsonBinary, JsonNumber, MISSING_NODE, type JsonDocument, type JsonNode } from './json-node.js';

const MAX_NESTING_DEPTH = 1000;
const MAX_NUMBER_LENGTH = 1000;

/** The UTF-8 bytes Jackson writes for a tree. */
export function writeJson(node: JsonNode): Buffer {
  return Buffer.from(jsonText(node), 'utf8');
}

/** The text Jackson writes for a tree (before UTF-8 encoding). */
export function jsonText(node: JsonNode): string {
  const parts: string[] = [];
  append(parts, node);
  return parts.join('');
}

function append(parts: string[], node: JsonNode): void {
  if (node === null) parts.push('null');
  else if (typeof node === 'boolean') parts.push(node ? 'true' : 'false');
  else if (typeof node === 'string') parts.push(quote(node));
  else if (node instanceof JsonNumber) parts.push(numberText(node));
  else if (node instanceof JsonBinary) parts.push(`"${Buffer.from(node.bytes.buffer, node.bytes.byteOffset, node.bytes.byteLength).toString('base64')}"`);
  else if (Array.isArray(node)) {
    parts.push('[');
    node.forEach((element, i) => {
      if (i > 0) parts.push(',');
      append(parts, element);
    });
    parts.push(']');
  } else {
    parts.push('{');
    let first = true;
    for (const [key, value] of node) {
      if (!first) parts.push(',');
      first = false;
      parts.push(quote(key), ':');
      append(parts, value);
    }
    parts.push('}');
  }
}

function numberText(node: JsonNumber): string {
  switch (node.kind) {
    case 'integer':
      return node.integer.toString();
    case 'decimal':
      return node.decimal!.toString();
    case 'float':
      return Number.isFinite(node.floating) ? javaFloatToString(node.floating) : `"${javaFloatToString(node.floating)}"`;
    case 'double':
      return Number.isFinite(node.floating) ? javaDoubleToString(node.floating) : `"${javaDoubleToString(node.floating)}"`;
  }
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A JSON string literal with Jackson's escaping. */
export function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += text[i];
  }
  return `${out}"`;
}

/** A document Jackson could not read; the message follows Jackson's wording where it matters. */
export class JsonParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonParseError';
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a document as Kafka's JsonDeserializer does; blank input is MISSING_NODE. */
export function parseJson(bytes: Uint8Array): JsonDocument {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch (error) {
    throw new JsonParseError(`Invalid UTF-8 in JSON document: ${(error as Error).message}`);
  }
  return new Parser(text).document();
}

class Parser {
  #pos = 0;
  #depth = 0;

  constructor(private readonly text: string) {}

  document(): JsonDocument {
    this.#skipWhitespace();
    if (this.#pos >= this.text.length) return MISSING_NODE;
    const first = this.text[this.#pos];
    const value = this.#value();
    if (first === '-' || (first !== undefined && first >= '0' && first <= '9')) {
      const next = this.text[this.#pos];
      if (next !== undefined && !isWhitespace(next)) {
        throw this.#error(`Unexpected character (${describe(next)}): Expected space separating root-level values`);
      }
    }
    return value;
  }

  #value(): JsonNode {
    const char = this.text[this.#pos];
    switch (char) {
      case '{':
        return this.#nested(() => this.#object());
      case '[':
        return this.#nested(() => this.#array());
      case '"':
        return this.#string();
      case 't':
        return this.#literal('true', true);
      case 'f':
        return this.#literal('false', false);
      case 'n':
        return this.#literal('null', null);
      case undefined:
        throw this.#error('Unexpected end-of-input: expected a value');
      default:
        if (char === '-' || (char >= '0' && char <= '9')) return this.#number();
        throw this.#error(`Unexpected character (${describe(char)}): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    }
  }

  #nested(read: () => JsonNode): JsonNode {
    if (++this.#depth > MAX_NESTING_DEPTH) {
      throw this.#error(`Document nesting depth (${this.#depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH})`);
    }
    const value = read();
    this.#depth--;
    return value;
  }

  #object(): JsonNode {
    this.#pos++;
    const object = new Map<string, JsonNode>();
    this.#skipWhitespace();
    if (this.text[this.#pos] === '}') {
      this.#pos++;
      return object;
    }
    for (;;) {
      this.#skipWhitespace();
      if (this.text[this.#pos] !== '"') throw this.#unexpected('was expecting double-quote to start field name');
      const key = this.#string();
      this.#skipWhitespace();
      if (this.text[this.#pos] !== ':') throw this.#unexpected('was expecting a colon to separate field name and value');
      this.#pos++;
      this.#skipWhitespace();
      object.set(key, this.#value());
      this.#skipWhitespace();
      const next = this.text[this.#pos++];
      if (next === '}') return object;
      if (next !== ',') {
        this.#pos--;
        throw this.#unexpected('was expecting comma to separate Object entries');
      }
    }
  }

  #array(): JsonNode {
    this.#pos++;
    const array: JsonNode[] = [];
    this.#skipWhitespace();
    if (this.text[this.#pos] === ']') {
      this.#pos++;
      return array;
    }
    for (;;) {
      this.#skipWhitespace();
      array.push(this.#value());
      this.#skipWhitespace();
      const next = this.text[this.#pos++];
      if (next === ']') return array;
      if (next !== ',') {
        this.#pos--;
        throw this.#unexpected('was expecting comma to separate Array entries');
      }
    }
  }

  #string(): string {
    this.#pos++;
    let out = '';
    let start = this.#pos;
    for (;;) {
      const code = this.text.charCodeAt(this.#pos);
      if (Number.isNaN(code)) throw this.#error('Unexpected end-of-input in a String value');
      if (code === 0x22) {
        out += this.text.slice(start, this.#pos++);
        return out;
      }
      if (code < 0x20) throw this.#error(`Illegal unquoted character ((CTRL-CHAR, code ${code})): has to be escaped using backslash to be included in string value`);
      if (code !== 0x5c) {
        this.#pos++;
        continue;
      }
      out += this.text.slice(start, this.#pos);
      out += this.#escape();
      start = this.#pos;
    }
  }

  #escape(): string {
    const char = this.text[this.#pos + 1];
    this.#pos += 2;
    switch (char) {
      case '"':
      case '\\':
      case '/':
        return char;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.#pos, this.#pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.#error('Unexpected character in a \\u escape: expected a hex-digit for character escape sequence');
        this.#pos += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      case undefined:
        throw this.#error('Unexpected end-of-input in character escape sequence');
      default:
        throw this.#error(`Unrecognized character escape ${describe(char)}`);
    }
  }

  #literal<T extends JsonNode>(word: string, value: T): T {
    let end = this.#pos;
    while (end < this.text.length && /[A-Za-z0-9_$]/.test(this.text[end]!)) end++;
    const token = this.text.slice(this.#pos, end);
    if (token !== word) {
      throw this.#error(`Unrecognized token '${token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    }
    this.#pos = end;
    return value;
  }

  #number(): JsonNode {
    const match = /^(-?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?)([0-9]*))?/.exec(this.text.slice(this.#pos, this.#pos + 4 * MAX_NUMBER_LENGTH));
    const [token = '', sign = '', whole = '', fraction, exponentSign = '', exponent] = match ?? [];
    if (whole === '') throw this.#error('Unexpected character in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value');
    if (fraction === '') throw this.#error("Unexpected character ('.' (code 46)) in numeric value: Decimal point not followed by a digit");
    if (exponent === '') throw this.#error('Unexpected character in numeric value: Exponent indicator not followed by a digit');
    const length = whole.length + (fraction?.length ?? 0);
    if (length > MAX_NUMBER_LENGTH) throw this.#error(`Number value length (${length}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH})`);
    this.#pos += token.length;
    if (fraction === undefined && exponent === undefined) return JsonNumber.integer(BigInt(`${sign}${whole}`));
    const unscaled = BigInt(`${sign}${whole}${fraction ?? ''}`);
    const scale = (fraction?.length ?? 0) - Number(`${exponentSign}${exponent ?? '0'}`);
    return JsonNumber.decimal(new BigDecimal(unscaled, scale));
  }

  #skipWhitespace(): void {
    while (this.#pos < this.text.length && isWhitespace(this.text[this.#pos]!)) this.#pos++;
  }

  #unexpected(expectation: string): JsonParseError {
    const char = this.text[this.#pos];
    if (char === undefined) return this.#error(`Unexpected end-of-input: ${expectation}`);
    return this.#error(`Unexpected character (${describe(char)}): ${expectation}`);
  }

  #error(message: string): JsonParseError {
    return new JsonParseError(`${message} at position ${this.#pos}`);
  }
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t';
}

function describe(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x20 ? `(CTRL-CHAR, code ${code})` : `'${char}' (code ${code})`;
}

const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes Base64 the way Jackson's default variant (MIME-NO-LINEFEEDS) does for a text node:
 * standard alphabet, whitespace between characters ignored, padding required.
 */
export function decodeBase64(text: string): Buffer {
  const compact = text.replace(/[\u0000-\u0020]/g, '');
  if (compact.length % 4 !== 0 || !BASE64_TEXT.test(compact)) {
    throw new JsonParseError(`Cannot access contents of TextNode as binary due to broken Base64 encoding: "${text}"`);
  }
  return Buffer.from(compact, 'base64');
}
