// forwardPluginLogLine with a fake pino-like logger that records calls: JSON lines keep their level
// (names, "warning"/"critical", pino numbers, hclog "@level") and fields; non-JSON lines go out at
// info as they are; blank lines are dropped. RecentLines keeps the last 20, cutting long lines.

import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { forwardPluginLogLine, RecentLines } from '../../../src/plugin/plugin-output.js';

interface Call {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

function fakeLogger(): { logger: Logger; calls: Call[] } {
  const calls: Call[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => calls.push({ level, fields, message });
  const fake = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
  return { logger: fake as unknown as Logger, calls };
}

function forward(line: string): Call[] {
  const { logger, calls } = fakeLogger();
  forwardPluginLogLine(logger, line);
  return calls;
}

describe('forwardPluginLogLine: JSON lines', () => {
  it.each([
    ['trace', 'trace'],
    ['debug', 'debug'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['warning', 'warn'],
    ['WARNING', 'warn'],
    ['Error', 'error'],
    ['fatal', 'fatal'],
    ['critical', 'fatal'],
    ['verbose', 'info'],
  ])('logs string level %s at %s', (level, expected) => {
    expect(forward(JSON.stringify({ level, msg: 'hello' }))).toEqual([{ level: expected, fields: { source: 'plugin' }, message: 'hello' }]);
  });

  it.each([
    [10, 'trace'],
    [19, 'trace'],
    [20, 'debug'],
    [30, 'info'],
    [35, 'info'],
    [40, 'warn'],
    [50, 'error'],
    [60, 'fatal'],
    [70, 'fatal'],
  ])('logs pino numeric level %i at %s', (level, expected) => {
    expect(forward(JSON.stringify({ level, msg: 'm' }))[0]!.level).toBe(expected);
  });

  it('keeps the fields of a pino line but not level, msg or time', () => {
    const line = JSON.stringify({ level: 40, time: 1700000000000, pid: 12, msg: 'slow poll', connector: 'c', task: 1, nested: { a: [1] } });
    expect(forward(line)).toEqual([{ level: 'warn', fields: { pid: 12, connector: 'c', task: 1, nested: { a: [1] }, source: 'plugin' }, message: 'slow poll' }]);
  });

  it('reads hclog JSON: @level, @message, @timestamp dropped, other @ fields kept', () => {
    const line = JSON.stringify({ '@level': 'debug', '@message': 'plugin started', '@timestamp': '2024-01-01T00:00:00.000000Z', '@module': 'file', port: 1234 });
    expect(forward(line)).toEqual([{ level: 'debug', fields: { '@module': 'file', port: 1234, source: 'plugin' }, message: 'plugin started' }]);
  });

  it('takes "message" when there is no "msg", and an empty message when there is neither', () => {
    expect(forward('{"level":"error","message":"boom"}')).toEqual([{ level: 'error', fields: { source: 'plugin' }, message: 'boom' }]);
    expect(forward('{"level":"info","k":1}')).toEqual([{ level: 'info', fields: { k: 1, source: 'plugin' }, message: '' }]);
  });

  it('logs a JSON line without a level at info', () => {
    expect(forward('{"msg":"no level"}')[0]!.level).toBe('info');
  });

  it('marks every line as coming from the plugin, even over a "source" field', () => {
    expect(forward('{"level":"info","msg":"x","source":"sdk"}')[0]!.fields).toEqual({ source: 'plugin' });
  });
});

describe('forwardPluginLogLine: other lines', () => {
  it.each(['plain text from a plugin', '{ not json', '[1,2,3]', '   indented {"level":"error"}', 'null'])('logs %j at info as it is', (line) => {
    expect(forward(line)).toEqual([{ level: 'info', fields: { source: 'plugin' }, message: line }]);
  });

  it('logs a line that starts with { but is not one JSON value at info, as it is', () => {
    const line = '{"a":1} trailing';
    expect(forward(line)).toEqual([{ level: 'info', fields: { source: 'plugin' }, message: line }]);
  });

  it.each(['', '   ', '\t'])('drops the blank line %j', (line) => {
    expect(forward(line)).toEqual([]);
  });
});

describe('RecentLines', () => {
  it('starts empty and returns lines oldest first', () => {
    const recent = new RecentLines();
    expect(recent.lines()).toEqual([]);
    recent.add('one');
    recent.add('two');
    expect(recent.lines()).toEqual(['one', 'two']);
  });

  it('keeps only the last 20 lines', () => {
    const recent = new RecentLines();
    for (let i = 0; i < 25; i++) recent.add(`line ${i}`);
    const lines = recent.lines();
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('line 5');
    expect(lines[19]).toBe('line 24');
  });

  it('cuts lines longer than 2000 characters and marks the cut', () => {
    const recent = new RecentLines();
    recent.add('x'.repeat(2000));
    recent.add('y'.repeat(5000));
    const [exact, long] = recent.lines();
    expect(exact).toBe('x'.repeat(2000));
    expect(long).toBe(`${'y'.repeat(2000)}…`);
  });

  it('returns a copy that callers cannot use to change its lines', () => {
    const recent = new RecentLines();
    recent.add('a');
    recent.lines().push('b');
    expect(recent.lines()).toEqual(['a']);
  });
});
