// Java .properties files, as java.util.Properties.load reads them: comments (# and !), blank
// lines, continuation lines ending in an odd number of backslashes, key/value separated by "=",
// ":" or whitespace, and the escapes \t \n \r \f \uXXXX (any other escaped character stands for
// itself). Kafka's worker and connector configs are written in this format.

import { readFile } from 'node:fs/promises';

export class PropertiesSyntaxError extends Error {
  override name = 'PropertiesSyntaxError';
}

/** Parses properties text; later keys win, as in Java. */
export function parseProperties(text: string, source = 'properties'): Record<string, string> {
  const result: Record<string, string> = {};
  const physical = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < physical.length; i++) {
    let line = stripLeadingWhitespace(physical[i]!);
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const startLine = i + 1;
    while (endsWithContinuation(line) && i + 1 < physical.length) {
      line = line.slice(0, -1) + stripLeadingWhitespace(physical[++i]!);
    }
    if (endsWithContinuation(line)) line = line.slice(0, -1);
    const { key, value } = splitKeyValue(line);
    try {
      result[unescape(key)] = unescape(value);
    } catch (error) {
      throw new PropertiesSyntaxError(`${source}, line ${startLine}: ${(error as Error).message}`);
    }
  }
  return result;
}

export async function readPropertiesFile(path: string): Promise<Record<string, string>> {
  return parseProperties(await readFile(path, 'utf8'), path);
}

function stripLeadingWhitespace(line: string): string {
  return line.replace(/^[ \t\f]+/, '');
}

function endsWithContinuation(line: string): boolean {
  let backslashes = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function splitKeyValue(line: string): { key: string; value: string } {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
    i++;
  }
  const key = line.slice(0, i);
  let rest = line.slice(i).replace(/^[ \t\f]+/, '');
  if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]+/, '');
  return { key, value: rest };
}

const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`Malformed \\uxxxx encoding: "\\u${hex}"`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += SIMPLE_ESCAPES[next] ?? next;
    }
  }
  return out;
}
