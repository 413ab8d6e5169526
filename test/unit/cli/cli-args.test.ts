// Argument parsing of the admin subcommands: global options before or after the subcommand,
// environment defaults, per-command options and positionals, --help, and usage errors for
// everything else.

import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../../../src/cli/cli-args.js';

describe('parseCliArgs', () => {
  it('parses a subcommand with defaults', () => {
    expect(parseCliArgs(['list'])).toEqual({ command: 'list', args: [], options: {}, globals: { server: '127.0.0.1:8084', tls: false, output: 'table', timeoutMs: 60_000 }, help: false });
  });

  it('takes global options before or after the subcommand, and defaults from the environment', () => {
    const env = { POLYCONNECT_ADMIN_ADDR: 'worker-1:9000', POLYCONNECT_ADMIN_TOKEN: 'env-token' };
    expect(parseCliArgs(['--server', 'h:1', 'status', 'src', '-o', 'json'], env).globals).toEqual({ server: 'h:1', token: 'env-token', tls: false, output: 'json', timeoutMs: 60_000 });
    expect(parseCliArgs(['status', 'src'], env).globals.server).toBe('worker-1:9000');
    expect(parseCliArgs(['list', '--token-file', '/t'], env).globals).toMatchObject({ tokenFile: '/t' });
    expect(parseCliArgs(['list', '--token-file', '/t'], env).globals.token).toBeUndefined();
    expect(parseCliArgs(['list', '--token', 'x', '--timeout', '2.5'], env).globals).toMatchObject({ token: 'x', timeoutMs: 2_500 });
  });

  it('turns TLS on with --tls or any TLS file', () => {
    expect(parseCliArgs(['list', '--tls']).globals.tls).toBe(true);
    expect(parseCliArgs(['list', '--cacert', 'ca.pem']).globals).toMatchObject({ tls: true, caFile: 'ca.pem' });
    expect(parseCliArgs(['list', '--cert', 'c.pem', '--key', 'k.pem', '--tls-server-name', 'pc']).globals).toMatchObject({ tls: true, certFile: 'c.pem', keyFile: 'k.pem', tlsServerName: 'pc' });
  });

  it('parses each subcommand’s options and positionals', () => {
    expect(parseCliArgs(['restart', 'src', '--include-tasks', '--only-failed'])).toMatchObject({ command: 'restart', args: ['src'], options: { 'include-tasks': true, 'only-failed': true } });
    expect(parseCliArgs(['restart', 'src', '--task', '2'])).toMatchObject({ options: { task: '2' } });
    expect(parseCliArgs(['patch', 'src', '--set', 'a=1', '--set', 'b=x=y', '--unset', 'c'])).toMatchObject({ options: { set: ['a=1', 'b=x=y'], unset: ['c'] } });
    expect(parseCliArgs(['create', '-f', 'c.json', '--initial-state', 'paused'])).toMatchObject({ options: { file: 'c.json', 'initial-state': 'paused' } });
    expect(parseCliArgs(['offsets', 'alter', 'src', '-f', 'o.json'])).toMatchObject({ args: ['alter', 'src'], options: { file: 'o.json' } });
    expect(parseCliArgs(['status', '--watch'])).toMatchObject({ args: [], options: { watch: true } });
    expect(parseCliArgs(['plugins', '--all'])).toMatchObject({ options: { all: true } });
    expect(parseCliArgs(['tasks', 'src'])).toMatchObject({ command: 'tasks', args: ['src'] });
    expect(parseCliArgs(['topics', 'src'])).toMatchObject({ command: 'topics', args: ['src'] });
    expect(parseCliArgs(['topics', 'reset', 'src'])).toMatchObject({ command: 'topics', args: ['reset', 'src'] });
    expect(parseCliArgs(['loggers'])).toMatchObject({ command: 'loggers', args: [] });
    expect(parseCliArgs(['loggers', 'set', 'org.apache.kafka', 'debug', '-o', 'json'])).toMatchObject({ args: ['set', 'org.apache.kafka', 'debug'], globals: { output: 'json' } });
    expect(parseCliArgs(['loggers', 'set', 'org.apache.kafka', 'debug', '--scope', 'cluster'])).toMatchObject({ args: ['set', 'org.apache.kafka', 'debug'], options: { scope: 'cluster' } });
    expect(parseCliArgs(['server-info'])).toMatchObject({ command: 'server-info', args: [] });
    expect(parseCliArgs(['--server', 'h:1', 'health'])).toMatchObject({ command: 'health', globals: { server: 'h:1' } });
  });

  it('answers --help without checking positionals', () => {
    expect(parseCliArgs(['describe', '--help'])).toMatchObject({ command: 'describe', help: true });
    expect(parseCliArgs(['--help'])).toMatchObject({ command: '', help: true });
  });

  it('refuses unknown commands and options, options of other commands, and wrong positionals', () => {
    const usage = (argv: string[]): string => {
      try {
        parseCliArgs(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`no usage error for ${argv.join(' ')}`);
    };
    expect(usage([])).toBe('Missing the subcommand');
    expect(usage(['frobnicate'])).toBe('Unknown command "frobnicate"');
    expect(usage(['list', '--bogus'])).toBe("Unknown option '--bogus'");
    expect(usage(['list', '--watch'])).toBe('list does not take --watch');
    expect(usage(['describe'])).toBe('describe needs NAME');
    expect(usage(['offsets', 'get'])).toBe('offsets needs NAME');
    expect(usage(['delete', 'a', 'b'])).toBe('delete takes at most 1 argument(s); got a b');
    expect(usage(['list', 'x'])).toBe('list takes no arguments; got x');
    expect(usage(['tasks'])).toBe('tasks needs NAME');
    expect(usage(['topics'])).toBe('topics needs NAME');
    expect(usage(['topics', 'reset', 'a', 'b'])).toBe('topics takes at most 2 argument(s); got reset a b');
    expect(usage(['loggers', 'set', 'a', 'debug', 'x'])).toBe('loggers takes at most 3 argument(s); got set a debug x');
    expect(usage(['loggers', 'set', 'a', 'debug', '--scope'])).toMatch(/^Option '--scope <value>' argument missing/);
    expect(usage(['list', '--scope', 'cluster'])).toBe('list does not take --scope');
    expect(usage(['health', 'x'])).toBe('health takes no arguments; got x');
    expect(usage(['server-info', '--all'])).toBe('server-info does not take --all');
    expect(usage(['list', '-o', 'yaml'])).toBe('--output must be table or json; got yaml');
    expect(usage(['list', '--server', 'http://h:1'])).toBe('--server must be host:port; got http://h:1');
    expect(usage(['list', '--timeout', '0'])).toBe('--timeout must be a positive number of seconds; got 0');
    expect(usage(['list', '--token', 'a', '--token-file', 'f'])).toBe('Give --token or --token-file, not both');
    expect(usage(['list', '--cert', 'c.pem'])).toBe('--cert and --key go together');
    expect(usage(['list', '--server'])).toMatch(/^Option '-s, --server <value>' argument missing/);
  });
});
