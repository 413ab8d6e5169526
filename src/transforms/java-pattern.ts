// java.util.regex for RegexRouter: a Java pattern translated to a JavaScript RegExp, Matcher.matches
// (the whole input) and Matcher.replaceFirst with Java's replacement syntax ($1, ${name}, \$).
//
// Translated: \Q...\E quoting, leading inline flags (?i) (?s) (?m) (?u) (?d), \A \z \Z, Java's
// ASCII \s, \h \H \v \e \a, \x{h...}, octal \0n, POSIX classes \p{Alpha} \p{Digit} ... (ASCII, as
// Java without UNICODE_CHARACTER_CLASS). Everything JavaScript shares with Java passes as is.
// Rejected with a clear error: possessive quantifiers (a*+), atomic groups (?>...), inline flags
// anywhere but the start, comments mode (?x), class unions and intersections ([a[b]], [a&&b]),
// \G \R \X \K \N \b{...} and Unicode \p classes. `$` matches only at the very end (Java also
// matches before a final line terminator, which a topic name cannot contain).

/** The error Java's Pattern.compile would throw (PatternSyntaxException), or our refusal of a construct. */
export class JavaPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternSyntaxException';
  }
}

export interface JavaPattern {
  readonly pattern: string;
  /** Finds the first match (Matcher.find from the start). */
  readonly find: RegExp;
  /** Matches only the whole input (Matcher.matches). */
  readonly whole: RegExp;
  readonly groupCount: number;
  readonly groupNames: ReadonlySet<string>;
}

const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const HORIZONTAL = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Escapes JavaScript and Java read alike. */
const SHARED_ESCAPES = 'dDwWbBtnrfSsc';

export function compileJavaPattern(pattern: string): JavaPattern {
  const { source, flags } = translate(pattern);
  let find: RegExp;
  let whole: RegExp;
  try {
    find = new RegExp(source, flags);
    whole = new RegExp(`^(?:${source})$`, flags);
  } catch (error) {
    throw new JavaPatternError((error as Error).message);
  }
  const groupCount = new RegExp(`(?:${source})|`, flags).exec('')!.length - 1;
  const groupNames = new Set([...source.matchAll(/\(\?<([A-Za-z][A-Za-z0-9]*)>/g)].map((match) => match[1]!));
  return { pattern, find, whole, groupCount, groupNames };
}

function unsupported(construct: string, index: number, pattern: string): JavaPatternError {
  return new JavaPatternError(`${construct} is not supported by Polyconnect's Java regex translation near index ${index}\n${pattern}`);
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function translate(pattern: string): { source: string; flags: string } {
  let flags = '';
  let i = 0;
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (leading !== null) {
    for (const flag of leading[1]!) {
      if (flag === 'i' || flag === 's' || flag === 'm') flags += flags.includes(flag) ? '' : flag;
      else if (flag !== 'u' && flag !== 'd') throw unsupported(`The inline flag (?${flag})`, 0, pattern);
    }
    i = leading[0].length;
  }
  let out = '';
  let inClass = false;
  let afterQuantifier: boolean = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    const wasQuantifier: boolean = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const [text, length] = translateEscape(pattern, i, inClass);
      out += text;
      i += length;
      continue;
    }
    if (inClass) {
      if (c === '[') throw unsupported('A character class union [a[b]]', i, pattern);
      if (c === '&' && pattern[i + 1] === '&') throw unsupported('A character class intersection [a&&b]', i, pattern);
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') out += pattern[i++];
      if (pattern[i] === ']') throw unsupported('A leading ] in a character class', i, pattern);
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('>')) throw unsupported('An atomic group (?>...)', i, pattern);
      if (!/^(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.test(rest)) throw unsupported('An inline flag group', i, pattern);
    }
    if (c === '+' && wasQuantifier) throw unsupported('A possessive quantifier', i, pattern);
    if (c === '*' || c === '+' || c === '?') afterQuantifier = c !== '?' || !wasQuantifier;
    if (c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      if (quantifier !== null) {
        out += quantifier[0];
        i += quantifier[0].length;
        afterQuantifier = true;
        continue;
      }
    }
    out += c;
    i++;
  }
  if (inClass) throw new JavaPatternError(`Unclosed character class near index ${pattern.length - 1}\n${pattern}`);
  return { source: out, flags };
}

/** One escape sequence at `index` (a backslash), as [JavaScript text, characters consumed]. */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const next = pattern[index + 1];
  if (next === undefined) throw new JavaPatternError(`Unexpected internal error near index ${index + 1}\n${pattern}`);
  const classOf = (members: string): string => (inClass ? members : `[${members}]`);
  switch (next) {
    case 'Q': {
      const end = pattern.indexOf('\\E', index + 2);
      const quoted = end < 0 ? pattern.slice(index + 2) : pattern.slice(index + 2, end);
      return [escapeLiteral(quoted), (end < 0 ? pattern.length : end + 2) - index];
    }
    case 'E':
      return ['', 2];
    case 'A':
      return ['^', 2];
    case 'z':
      return ['$', 2];
    case 'Z':
      return ['(?=(?:\\r\\n|[\\n\\r\\x85\\u2028\\u2029])?$)', 2];
    case 's':
      return [classOf(JAVA_SPACE), 2];
    case 'S':
      if (inClass) throw unsupported('\\S inside a character class', index, pattern);
      return [`[^${JAVA_SPACE}]`, 2];
    case 'h':
      return [classOf(HORIZONTAL), 2];
    case 'v':
      return [classOf(VERTICAL), 2];
    case 'H':
    case 'V':
      if (inClass) throw unsupported(`\\${next} inside a character class`, index, pattern);
      return [`[^${next === 'H' ? HORIZONTAL : VERTICAL}]`, 2];
    case 'e':
      return ['\\x1B', 2];
    case 'a':
      return ['\\x07', 2];
    case '0': {
      const digits = /^[0-7]{1,3}/.exec(pattern.slice(index + 2))?.[0] ?? '';
      const usable = digits.length === 3 && digits[0]! > '3' ? digits.slice(0, 2) : digits;
      if (usable === '') throw new JavaPatternError(`Illegal octal escape sequence near index ${index + 2}\n${pattern}`);
      return [`\\x${parseInt(usable, 8).toString(16).padStart(2, '0')}`, 2 + usable.length];
    }
    case 'x': {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(index + 2));
      if (braced === null) return [pattern.slice(index, index + 4), 4];
      const code = parseInt(braced[1]!, 16);
      if (code > 0xffff) throw unsupported('A code point above U+FFFF', index, pattern);
      return [`\\u${code.toString(16).padStart(4, '0')}`, 2 + braced[0].length];
    }
    case 'u':
      return [pattern.slice(index, index + 6), 6];
    case 'p':
    case 'P': {
      const braced = /^\{(?:Is)?([A-Za-z]+)\}/.exec(pattern.slice(index + 2));
      const members = braced === null ? undefined : POSIX[braced[1]!];
      if (members === undefined) throw unsupported(`The class ${pattern.slice(index, index + 2 + (braced?.[0].length ?? 1))}`, index, pattern);
      if (next === 'P' && inClass) throw unsupported('\\P inside a character class', index, pattern);
      return [next === 'P' ? `[^${members}]` : classOf(members), 2 + braced![0].length];
    }
    case 'k': {
      const named = /^<[A-Za-z][A-Za-z0-9]*>/.exec(pattern.slice(index + 2));
      if (named === null) throw new JavaPatternError(`\\k is not followed by '<' for named capturing group near index ${index + 2}\n${pattern}`);
      return [`\\k${named[0]}`, 2 + named[0].length];
    }
    default:
      break;
  }
  if (/[0-9]/.test(next) || SHARED_ESCAPES.includes(next)) return [`\\${next}`, 2];
  if (/[A-Za-z]/.test(next)) {
    if ('GRXKNb'.includes(next)) throw unsupported(`\\${next}`, index, pattern);
    throw new JavaPatternError(`Illegal/unsupported escape sequence near index ${index + 1}\n${pattern}`);
  }
  return [`\\${next}`, 2];
}

/** Matcher.matches(): whether the pattern matches the whole input. */
export function matchesWhole(pattern: JavaPattern, input: string): boolean {
  return pattern.whole.test(input);
}

/** Java's IllegalArgumentException / IndexOutOfBoundsException from Matcher.appendReplacement. */
export class JavaReplacementError extends Error {
  constructor(message: string, name: 'IllegalArgumentException' | 'IndexOutOfBoundsException' = 'IllegalArgumentException') {
    super(message);
    this.name = name;
  }
}

/** Matcher.replaceFirst(replacement): the first match replaced, with Java's $n, ${name} and \x. */
export function replaceFirst(pattern: JavaPattern, input: string, replacement: string): string {
  const match = pattern.find.exec(input);
  if (match === null) return input;
  return input.slice(0, match.index) + expandReplacement(pattern, match, replacement) + input.slice(match.index + match[0].length);
}

function expandReplacement(pattern: JavaPattern, match: RegExpExecArray, replacement: string): string {
  let result = '';
  let cursor = 0;
  while (cursor < replacement.length) {
    const c = replacement[cursor]!;
    if (c === '\\') {
      cursor++;
      if (cursor === replacement.length) throw new JavaReplacementError('character to be escaped is missing');
      result += replacement[cursor++];
      continue;
    }
    if (c !== '$') {
      result += c;
      cursor++;
      continue;
    }
    cursor++;
    if (cursor === replacement.length) throw new JavaReplacementError('Illegal group reference: group index is missing');
    let group: number | string;
    if (replacement[cursor] === '{') {
      cursor++;
      const name = /^[A-Za-z0-9]*/.exec(replacement.slice(cursor))![0];
      cursor += name.length;
      if (name.length === 0) throw new JavaReplacementError('named capturing group has 0 length name');
      if (replacement[cursor] !== '}') throw new JavaReplacementError("named capturing group is missing trailing '}'");
      if (/^[0-9]/.test(name)) throw new JavaReplacementError(`capturing group name {${name}} starts with digit character`);
      if (!pattern.groupNames.has(name)) throw new JavaReplacementError(`No group with name {${name}}`);
      cursor++;
      group = name;
    } else {
      const first = replacement.charCodeAt(cursor) - 48;
      if (first < 0 || first > 9) throw new JavaReplacementError('Illegal group reference');
      let number = first;
      cursor++;
      // Java takes as many further digits as still name an existing group.
      while (cursor < replacement.length && /[0-9]/.test(replacement[cursor]!)) {
        const longer = number * 10 + (replacement.charCodeAt(cursor) - 48);
        if (longer > pattern.groupCount) break;
        number = longer;
        cursor++;
      }
      if (number > pattern.groupCount) throw new JavaReplacementError(`No group ${number}`, 'IndexOutOfBoundsException');
      group = number;
    }
    result += (typeof group === 'number' ? match[group] : match.groups?.[group]) ?? '';
  }
  return result;
}
