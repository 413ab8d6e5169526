// parseProperties / readPropertiesFile against java.util.Properties.load semantics: comments (# and
// !), the three separators, continuation lines, escapes (\t \n \r \f \uXXXX, unknown escapes stand
// for the character), escaped separators in keys, kept trailing whitespace, and malformed \u errors.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProperties, PropertiesSyntaxError, readPropertiesFile } from '../../../src/config/properties.js';

describe('parseProperties: lines, comments and separators', () => {
  it('skips # and ! comments, indented comments and blank or whitespace-only lines', () => {
    const text = ['# a comment', '! another', '   # indented', '\t! indented too', '', '   ', 'a=1'].join('\n');
    expect(parseProperties(text)).toEqual({ a: '1' });
  });

  it('reads the three forms of the Properties.load javadoc as the same key and value', () => {
    for (const line of ['Truth = Beauty', ' Truth:Beauty', 'Truth                    :Beauty', 'Truth\tBeauty', 'Truth Beauty']) {
      expect(parseProperties(line)).toEqual({ Truth: 'Beauty' });
    }
  });

  it('takes only the first separator: later = and : belong to the value', () => {
    expect(parseProperties('url=jdbc:postgresql://h:5432/db?a=b')).toEqual({ url: 'jdbc:postgresql://h:5432/db?a=b' });
    expect(parseProperties('key = = v')).toEqual({ key: '= v' });
    expect(parseProperties('key:=v')).toEqual({ key: '=v' });
    expect(parseProperties('key   value with spaces')).toEqual({ key: 'value with spaces' });
  });

  it('gives a key without a value the empty string, and allows an empty key', () => {
    expect(parseProperties('cheeses')).toEqual({ cheeses: '' });
    expect(parseProperties('cheeses   ')).toEqual({ cheeses: '' });
    expect(parseProperties('=value')).toEqual({ '': 'value' });
  });

  it('strips whitespace (space, tab, form feed) before the key and the value but keeps trailing whitespace', () => {
    expect(parseProperties(' \t\fkey =  \t value  \t')).toEqual({ key: 'value  \t' });
  });

  it('lets a later key win', () => {
    expect(parseProperties('a=1\nb=2\na=3')).toEqual({ a: '3', b: '2' });
  });

  it('accepts \\n, \\r\\n and \\r line endings', () => {
    expect(parseProperties('a=1\r\nb=2\rc=3\n')).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('does not treat # or ! after the start of a line as a comment', () => {
    expect(parseProperties('color=#ff0000 ! loud')).toEqual({ color: '#ff0000 ! loud' });
  });
});

describe('parseProperties: continuation lines', () => {
  it('joins a line ending in a backslash with the next one, dropping its leading whitespace', () => {
    const text = String.raw`fruits                           apple, banana, pear, \
                                 cantaloupe, watermelon, \
                                 kiwi, mango`;
    expect(parseProperties(text)).toEqual({ fruits: 'apple, banana, pear, cantaloupe, watermelon, kiwi, mango' });
  });

  it('continues a key across lines too', () => {
    expect(parseProperties('ke\\\n  y=v')).toEqual({ key: 'v' });
  });

  it('does not read a continuation line that starts with # as a comment', () => {
    expect(parseProperties('a=1\\\n  # not a comment')).toEqual({ a: '1# not a comment' });
  });

  it('does not continue a comment line that ends in a backslash', () => {
    expect(parseProperties('# comment \\\nb=2')).toEqual({ b: '2' });
  });

  it('does not continue a line ending in an even number of backslashes; each pair is one backslash', () => {
    expect(parseProperties('path=C:\\\\\nnext=1')).toEqual({ path: 'C:\\', next: '1' });
    expect(parseProperties('odd=a\\\\\\\n  b')).toEqual({ odd: 'a\\b' });
  });

  it('drops a continuation backslash on the last line of the text', () => {
    expect(parseProperties('a=b\\')).toEqual({ a: 'b' });
  });

  it('ends the logical line at an empty line following a continuation', () => {
    expect(parseProperties('a=b\\\n\nc=d')).toEqual({ a: 'b', c: 'd' });
    expect(parseProperties('a=b\\\n   \nc=d')).toEqual({ a: 'b', c: 'd' });
  });

  it('handles a continuation over a \\r\\n line ending', () => {
    expect(parseProperties('a=one\\\r\n   two\r\nb=3')).toEqual({ a: 'onetwo', b: '3' });
  });
});

describe('parseProperties: escapes', () => {
  it('decodes \\t \\n \\r \\f in values and keys', () => {
    expect(parseProperties(String.raw`k\tey=a\tb\nc\rd\fe`)).toEqual({ 'k\tey': 'a\tb\nc\rd\fe' });
  });

  it('decodes \\uXXXX, in either letter case, including surrogate pairs', () => {
    expect(parseProperties(String.raw`greet=\u0048\u0069 caf\u00E9 \uD83D\uDE00`)).toEqual({ greet: 'Hi café 😀' });
    expect(parseProperties(String.raw`\u006bey=v`)).toEqual({ key: 'v' });
  });

  it('lets an unknown escape stand for the character itself (the backslash is dropped)', () => {
    expect(parseProperties(String.raw`a=\z\b\"\'\#`)).toEqual({ a: 'zb"\'#' });
  });

  it('allows separators and whitespace in a key when escaped', () => {
    expect(parseProperties(String.raw`a\:b=c`)).toEqual({ 'a:b': 'c' });
    expect(parseProperties(String.raw`a\=b:c`)).toEqual({ 'a=b': 'c' });
    expect(parseProperties(String.raw`key\ with\ spaces = v`)).toEqual({ 'key with spaces': 'v' });
    expect(parseProperties(String.raw`\ lead=v`)).toEqual({ ' lead': 'v' });
  });

  it('keeps escaped leading whitespace of a value', () => {
    expect(parseProperties(String.raw`a=\  two spaces`)).toEqual({ a: '  two spaces' });
  });

  it('reads a Windows path written with doubled backslashes', () => {
    expect(parseProperties(String.raw`file=C:\\data\\in.txt`)).toEqual({ file: 'C:\\data\\in.txt' });
  });
});

describe('parseProperties: errors', () => {
  it('rejects a \\u escape with fewer than four hex digits, naming the source and line', () => {
    const parse = (): unknown => parseProperties('ok=1\n# comment\nbad=\\u12', 'worker.properties');
    expect(parse).toThrow(PropertiesSyntaxError);
    expect(parse).toThrow('worker.properties, line 3: Malformed \\uxxxx encoding');
  });

  it('rejects non-hex digits in a \\u escape in a key', () => {
    expect(() => parseProperties('\\uZZZZ=1')).toThrow(/^properties, line 1: Malformed \\uxxxx encoding/);
  });

  it('reports the first line of a continued logical line', () => {
    expect(() => parseProperties('a=1\nb=x\\\n  \\u00g0', 'f')).toThrow('f, line 2:');
  });

  it('sets the error name to PropertiesSyntaxError', () => {
    try {
      parseProperties('a=\\u');
      expect.unreachable('expected an error');
    } catch (error) {
      expect((error as Error).name).toBe('PropertiesSyntaxError');
    }
  });
});

describe('readPropertiesFile', () => {
  it('reads a file and names it in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polyconnect-props-'));
    try {
      const good = join(dir, 'good.properties');
      await writeFile(good, 'bootstrap.servers=localhost:9092\nkey.converter : org.apache.kafka.connect.json.JsonConverter\n');
      expect(await readPropertiesFile(good)).toEqual({ 'bootstrap.servers': 'localhost:9092', 'key.converter': 'org.apache.kafka.connect.json.JsonConverter' });

      const bad = join(dir, 'bad.properties');
      await writeFile(bad, 'x=\\uXYZ1\n');
      await expect(readPropertiesFile(bad)).rejects.toThrow(`${bad}, line 1: Malformed`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing file', async () => {
    await expect(readPropertiesFile(join(tmpdir(), 'polyconnect-no-such-file.properties'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
