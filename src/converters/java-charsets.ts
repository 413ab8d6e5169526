// The Java character sets StringConverter's converter.encoding may name, encoded and decoded the
// way Java's String.getBytes(charset) and new String(bytes, charset) do: unmappable characters and
// lone surrogates become '?' (U+FFFD in UTF-16), malformed input decodes to U+FFFD, "UTF-16"
// writes a big-endian byte order mark and reads either order (big-endian without a mark).
// Supported: UTF-8, UTF-16, UTF-16BE, UTF-16LE, ISO-8859-1, US-ASCII and windows-1252, under their
// Java names and common aliases (case-insensitive). Other Java charsets are refused.

export interface JavaCharset {
  readonly name: string;
  encode(text: string): Buffer;
  decode(bytes: Uint8Array): string;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** windows-1252 bytes 0x80–0x9F (undefined positions are U+FFFD). */
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function singleByte(name: string, decodeByte: (byte: number) => string, encodeChar: (char: string) => number | undefined): JavaCharset {
  return {
    name,
    encode(text) {
      const bytes: number[] = [];
      for (const char of text) bytes.push(encodeChar(char) ?? 0x3f); // one '?' per code point
      return Buffer.from(bytes);
    },
    decode(bytes) {
      let out = '';
      for (const byte of bytes) out += decodeByte(byte);
      return out;
    },
  };
}

const UTF_8: JavaCharset = {
  name: 'UTF-8',
  encode: (text) => Buffer.from(text.replace(LONE_SURROGATE, '?'), 'utf8'),
  decode: (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), // Java keeps a BOM as U+FEFF
};

function utf16(name: string, littleEndian: boolean, byteOrderMark: boolean): JavaCharset {
  return {
    name,
    encode(text) {
      const clean = text.replace(LONE_SURROGATE, '\ufffd');
      const bytes = Buffer.alloc((clean.length + (byteOrderMark ? 1 : 0)) * 2);
      let offset = 0;
      if (byteOrderMark) offset = bytes.writeUInt16BE(0xfeff, 0);
      for (let i = 0; i < clean.length; i++) {
        offset = littleEndian ? bytes.writeUInt16LE(clean.charCodeAt(i), offset) : bytes.writeUInt16BE(clean.charCodeAt(i), offset);
      }
      return bytes;
    },
    decode(bytes) {
      if (!byteOrderMark) return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes);
      // Java's "UTF-16" decoder: a byte order mark picks the order and is dropped; big-endian otherwise.
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
      return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
    },
  };
}

const ISO_8859_1 = singleByte(
  'ISO-8859-1',
  (byte) => String.fromCharCode(byte),
  (char) => (char.length === 1 && char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : undefined),
);

const US_ASCII = singleByte(
  'US-ASCII',
  (byte) => (byte < 0x80 ? String.fromCharCode(byte) : '\ufffd'),
  (char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : undefined),
);

const WINDOWS_1252 = singleByte(
  'windows-1252',
  (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte)),
  (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && (code < 0x80 || (code >= 0xa0 && code <= 0xff))) return code;
    const index = char === '\ufffd' ? -1 : CP1252_HIGH.indexOf(char);
    return index >= 0 ? 0x80 + index : undefined;
  },
);

const CHARSETS: ReadonlyArray<[JavaCharset, readonly string[]]> = [
  [UTF_8, ['UTF-8', 'UTF8', 'unicode-1-1-utf-8']],
  [utf16('UTF-16', false, true), ['UTF-16', 'UTF_16', 'utf16', 'unicode', 'UnicodeBig']],
  [utf16('UTF-16BE', false, false), ['UTF-16BE', 'UTF_16BE', 'X-UTF-16BE', 'ISO-10646-UCS-2', 'UnicodeBigUnmarked']],
  [utf16('UTF-16LE', true, false), ['UTF-16LE', 'UTF_16LE', 'X-UTF-16LE', 'UnicodeLittleUnmarked']],
  [ISO_8859_1, ['ISO-8859-1', 'ISO8859_1', 'ISO_8859_1', 'ISO_8859-1', 'ISO8859-1', '8859_1', 'latin1', 'l1', 'cp819', 'IBM819', 'ISO-IR-100', 'csISOLatin1', '819', 'IBM-819']],
  [US_ASCII, ['US-ASCII', 'ASCII', 'us', 'iso646-us', 'ISO_646.irv:1991', 'cp367', 'ibm367', 'csASCII', 'default', '646', 'iso_646.irv:1983', 'ANSI_X3.4-1968', 'ANSI_X3.4-1986']],
  [WINDOWS_1252, ['windows-1252', 'Cp1252', 'cp5348']],
];

const BY_NAME: ReadonlyMap<string, JavaCharset> = new Map(CHARSETS.flatMap(([charset, names]) => names.map((name) => [name.toLowerCase(), charset] as const)));

/** The charset Java's Charset.forName(name) finds, or undefined when Polyconnect does not support it. */
export function javaCharset(name: string): JavaCharset | undefined {
  return BY_NAME.get(name.toLowerCase());
}
