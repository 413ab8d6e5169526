// OutputRedactor and forwardPluginLogLine with one: config-provider secrets of at least 4
// characters are replaced by [hidden] in plain lines, in JSON lines (message, fields, keys, and a
// secret that JSON escapes), longest secret first; shorter values are left alone.

import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { OutputRedactor } from '../../../src/plugin/output-redaction.js';
import { forwardPluginLogLine } from '../../../src/plugin/plugin-output.js';

function forward(redactor: OutputRedactor, line: string): Array<{ level: string; fields: Record<string, unknown>; message: string }> {
  const calls: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => calls.push({ level, fields, message });
  const logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') } as unknown as Logger;
  forwardPluginLogLine(logger, line, redactor);
  return calls;
}

describe('OutputRedactor', () => {
  it('hides every occurrence of each secret, the longest first, and ignores values under 4 characters', () => {
    const redactor = new OutputRedactor();
    redactor.add(['s3cret', 's3cret-and-more', 'abc', '']);
    expect(redactor.redact('a=s3cret b=s3cret-and-more c=abc s3cret')).toBe('a=[hidden] b=[hidden] c=abc [hidden]');
  });

  it('leaves text alone until a secret is added', () => {
    const redactor = new OutputRedactor();
    expect(redactor.empty).toBe(true);
    expect(redactor.redact('password=s3cret')).toBe('password=s3cret');
    redactor.add(['s3cret']);
    expect(redactor.redact('password=s3cret')).toBe('password=[hidden]');
  });
});

describe('forwardPluginLogLine with a redactor', () => {
  const redactor = new OutputRedactor();
  redactor.add(['hunter22', 'pa"ss\\word']);

  it('hides secrets in plain lines', () => {
    expect(forward(redactor, 'config: {password=hunter22, user=bob}')).toEqual([{ level: 'info', fields: { source: 'plugin' }, message: 'config: {password=[hidden], user=bob}' }]);
  });

  it('hides secrets in the message and fields of JSON lines, escaped or not', () => {
    const line = JSON.stringify({ level: 'warn', msg: 'starting with hunter22', config: { password: 'pa"ss\\word', hunter22: ['x hunter22'] } });
    expect(forward(redactor, line)).toEqual([
      { level: 'warn', fields: { source: 'plugin', config: { password: '[hidden]', '[hidden]': ['x [hidden]'] } }, message: 'starting with [hidden]' },
    ]);
  });
});
