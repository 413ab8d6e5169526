// Input files for FileStream pipeline tests, and checks on what came out the other end.

import { readFileSync, statSync } from 'node:fs';

/**
 * `count` lines ending in \n: numbered ASCII lines, unicode (accents, CJK, emoji, a combining
 * mark, right-to-left text), empty lines, and one line of exactly `bigLineBytes` bytes.
 */
export function mixedLines(count: number, bigLineBytes = 1_000_000): string {
  const samples = ['Grüße aus Köln — ça va?', '日本語のテキスト', 'emoji 🚀🔥 and ZWJ 👩‍👩‍👧', 'e\u0301 combining', 'שלום עולם', ''];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i === Math.floor(count / 2)) {
      const prefix = `line ${i} big `;
      lines.push(prefix + 'x'.repeat(bigLineBytes - Buffer.byteLength(prefix)));
    } else if (i % 7 === 3) {
      lines.push(samples[i % samples.length]!);
    } else if (i % 11 === 5) {
      lines.push('');
    } else {
      lines.push(`line ${i} ${'abcdefghij'.repeat(i % 9)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Lines "000123 ..." whose numbers let a test see exactly which were lost or repeated. */
export function numberedLines(count: number, width = 90): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    const head = String(i).padStart(8, '0');
    text += `${head} ${'z'.repeat(Math.max(0, width - head.length - 1))}\n`;
  }
  return text;
}

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Checks output of numberedLines that may repeat records sent again after a crash: numbers must
 * run 0,1,2,... and may jump back only to re-deliver records already seen (never skip ahead),
 * and every input number must be present. Returns how many lines were repeated.
 */
export function checkNoneLost(outputPath: string, count: number): { duplicates: number } {
  const numbers = readFileSync(outputPath, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => Number(line.slice(0, 8)));
  let highest = -1;
  let duplicates = 0;
  for (const [index, n] of numbers.entries()) {
    if (n > highest + 1) throw new Error(`Line ${index} of the output is record ${n}, but record ${highest + 1} never came before it: records were lost`);
    if (n <= highest) duplicates++;
    else highest = n;
  }
  if (highest !== count - 1) throw new Error(`The output ends at record ${highest}; expected ${count - 1}`);
  return { duplicates };
}
