// RegexRouter and its Java regex translation (src/transforms/java-pattern.ts). Expectations from
// Kafka 4.1.2's RegexRouter.java (Matcher.matches, then replaceFirst), the JDK's
// Matcher.appendExpandedReplacement ($n takes the longest group number that exists; \x escapes;
// its IllegalArgumentException / IndexOutOfBoundsException messages) and java.util.regex.Pattern's
// syntax; the replacement rules are also checked against Kafka in builtins-b.golden.test.ts.

import { describe, expect, it } from 'vitest';
import { ConfigException } from '../../../src/data/index.js';
import { JavaPatternError, compileJavaPattern, matchesWhole, replaceFirst } from '../../../src/transforms/java-pattern.js';
import { HEADER, applied, configured, expectError, sinkRecord, sourceRecord } from './builtins-b-support.js';

const route = (regex: string, replacement: string, topic: string): string => applied(configured('RegexRouter', { regex, replacement }), sourceRecord({ topic })).topic;

describe('RegexRouter', () => {
  it('renames a topic the regex matches as a whole, keeping everything else', () => {
    const record = sinkRecord({ topic: 'orders-12', value: 'v' });
    const result = applied(configured('RegexRouter', { regex: '(.*)-(\\d+)', replacement: '$2_$1' }), record);
    expect(result.topic).toBe('12_orders');
    expect([result.value, result.headers, result.kafkaOffset, result.originalTopic]).toEqual(['v', [HEADER], 42, 'orders']);
  });

  it('leaves topics that only partly match', () => {
    const record = sourceRecord({ topic: 'orders' });
    expect(configured('RegexRouter', { regex: 'ord', replacement: 'x' }).apply(record)).toBe(record);
  });

  it('replaces the first match, which may be shorter than the whole topic (Matcher.replaceFirst)', () => {
    expect(route('a|ab', 'X', 'ab')).toBe('Xb');
  });

  it("expands Java's replacement syntax", () => {
    expect(route('(?<env>[a-z]+)\\.(?<name>.*)', '${name}-${env}', 'prod.orders')).toBe('orders-prod');
    expect(route('(orders)', '\\$1', 'orders')).toBe('$1');
    expect(route('(a)(b)', '$10', 'ab')).toBe('a0');
    expect(route('(x)?orders', '[$1]', 'orders')).toBe('[]');
    expect(route('(.*)', '', 'orders')).toBe('');
  });

  it("fails records with Java's replacement errors", () => {
    const apply = (regex: string, replacement: string) => () => configured('RegexRouter', { regex, replacement }).apply(sourceRecord({ topic: 'ab' }));
    expectError(apply('(a)(b)', '$3'), 'IndexOutOfBoundsException', 'No group 3');
    expectError(apply('(ab)', 'x\\'), 'IllegalArgumentException', 'character to be escaped is missing');
    expectError(apply('(ab)', '${missing}'), 'IllegalArgumentException', 'No group with name {missing}');
    expectError(apply('(ab)', 'abc$'), 'IllegalArgumentException', 'Illegal group reference: group index is missing');
    expectError(apply('(ab)', '$x'), 'IllegalArgumentException', 'Illegal group reference');
    expectError(apply('(ab)', '${}'), 'IllegalArgumentException', 'named capturing group has 0 length name');
    expectError(apply('(ab)', '${ab'), 'IllegalArgumentException', "named capturing group is missing trailing '}'");
  });

  it('checks its config', () => {
    expectError(() => configured('RegexRouter', { regex: 'a' }), ConfigException, 'Missing required configuration "replacement" which has no default value.');
    const invalid = (regex: string) => () => configured('RegexRouter', { regex, replacement: 'x' });
    expect(() => invalid('(')()).toThrow(/^Invalid value \( for configuration regex: Invalid regex: /);
    expect(() => invalid('a*+')()).toThrow(ConfigException);
    expect(() => invalid('a*+')()).toThrow(/possessive quantifier is not supported/);
  });
});

describe('Java regex translation', () => {
  it.each([
    ['(?i)ORDERS', 'orders', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\Qa.b', 'a.b', true],
    ['\\p{Alpha}+-\\p{Digit}+', 'abc-42', true],
    ['\\p{IsAlpha}+', 'abc', true],
    ['[\\p{Lower}\\d]+', 'a1b2', true],
    ['\\P{Digit}+', 'abc', true],
    ['\\Aorders\\z', 'orders', true],
    ['orders\\Z', 'orders', true],
    ['a\\sb', 'a b', true],
    ['a\\sb', 'a\u00a0b', false],
    ['a\\hb', 'a\tb', true],
    ['\\x{41}\\0101\\e?', 'AA', true],
    ['(?<y>\\d{4})-\\k<y>', '2024-2024', true],
    ['a{2,}', 'aaa', true],
    ['a*?b', 'aab', true],
    ['[^a-c]+', 'xyz', true],
  ])('%s matches %s as a whole: %s', (pattern, input, expected) => {
    expect(matchesWhole(compileJavaPattern(pattern), input)).toBe(expected);
  });

  it.each([
    ['a*+', 'possessive quantifier'],
    ['a{2}+', 'possessive quantifier'],
    ['(?>a)', 'atomic group'],
    ['a(?i)b', 'inline flag group'],
    ['(?x)a b', 'inline flag (?x)'],
    ['[a[b]]', 'class union'],
    ['[a-z&&[^e]]', 'class intersection'],
    ['\\p{L}', 'class \\p{L}'],
    ['\\G', '\\G'],
    ['\\y', 'Illegal/unsupported escape sequence'],
    ['[abc', 'Unclosed character class'],
    ['\\x{1F600}', 'code point above U+FFFF'],
  ])('refuses %s clearly', (pattern, message) => {
    const error = (() => {
      try {
        compileJavaPattern(pattern);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(JavaPatternError);
    expect((error as Error).message).toContain(message);
  });

  it('counts groups and names for replacements', () => {
    const pattern = compileJavaPattern('(a)(?:b)(?<c>c)\\(');
    expect(pattern.groupCount).toBe(2);
    expect([...pattern.groupNames]).toEqual(['c']);
    expect(replaceFirst(pattern, 'xabc(y', '[$1${c}$2]')).toBe('x[acc]y');
  });

  it('keeps text without a match', () => {
    expect(replaceFirst(compileJavaPattern('z'), 'abc', 'x')).toBe('abc');
  });
});
