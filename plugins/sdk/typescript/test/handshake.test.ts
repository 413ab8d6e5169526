// The go-plugin launch contract: the handshake line a plugin prints and how the worker reads it,
// and the protocol version a plugin picks from PLUGIN_PROTOCOL_VERSIONS.

import { describe, expect, it } from 'vitest';
import {
  CORE_PROTOCOL_VERSION,
  HEALTH_SERVICE_NAME,
  HandshakeError,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  formatHandshakeLine,
  negotiateAppProtocolVersion,
  parseHandshakeLine,
} from '../src/wire/handshake.js';
import { GRPC_CONTROLLER_SERVICE } from '../src/wire/controller.js';

describe('constants', () => {
  it('are the documented magic cookie, core version and health service name', () => {
    expect(MAGIC_COOKIE_KEY).toBe('POLYCONNECT_PLUGIN');
    expect(MAGIC_COOKIE_VALUE).toBe('d1f1b7c4e2a94f6e8b3a5c0f7e9d2b41');
    expect(CORE_PROTOCOL_VERSION).toBe(1);
    expect(HEALTH_SERVICE_NAME).toBe('plugin');
  });

  it('the controller is go-plugin\'s Shutdown with empty messages', () => {
    const shutdown = GRPC_CONTROLLER_SERVICE.Shutdown!;
    expect(shutdown.path).toBe('/plugin.GRPCController/Shutdown');
    expect(shutdown.requestSerialize({})).toHaveLength(0);
    expect(shutdown.responseDeserialize(Buffer.alloc(0))).toEqual({});
  });
});

describe('formatHandshakeLine', () => {
  it('writes CORE|APP|NETWORK|ADDRESS|grpc', () => {
    expect(formatHandshakeLine({ appProtocolVersion: 1, network: 'unix', address: '/tmp/pc-x/plugin-1.sock' })).toBe('1|1|unix|/tmp/pc-x/plugin-1.sock|grpc');
    expect(formatHandshakeLine({ appProtocolVersion: 2, network: 'tcp', address: '127.0.0.1:4567' })).toBe('1|2|tcp|127.0.0.1:4567|grpc');
  });

  it('is read back by parseHandshakeLine', () => {
    const line = formatHandshakeLine({ appProtocolVersion: 1, network: 'unix', address: '/s.sock' });
    expect(parseHandshakeLine(line)).toEqual({ coreProtocolVersion: 1, appProtocolVersion: 1, network: 'unix', address: '/s.sock', protocol: 'grpc' });
  });
});

describe('parseHandshakeLine', () => {
  it('trims the line ending and surrounding blanks', () => {
    expect(parseHandshakeLine('  1|1|unix|/a.sock|grpc\r\n').address).toBe('/a.sock');
  });

  it('accepts the optional fields go-plugin servers append (server cert, mux)', () => {
    expect(parseHandshakeLine('1|1|unix|/tmp/plugin123|grpc|').network).toBe('unix');
    expect(parseHandshakeLine('1|1|tcp|127.0.0.1:1234|grpc||true')).toMatchObject({ network: 'tcp', address: '127.0.0.1:1234' });
  });

  it('rejects lines with fewer than four fields with go-plugin\'s words', () => {
    expect(() => parseHandshakeLine('hello world')).toThrow(HandshakeError);
    expect(() => parseHandshakeLine('1|1|unix')).toThrow('Unrecognized remote plugin message "1|1|unix"');
  });

  it('shortens a long bad line in the message', () => {
    const error = (() => {
      try {
        parseHandshakeLine('x'.repeat(1000));
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message.length).toBeLessThan(400);
    expect(error?.message).toContain('…');
  });

  it('rejects another core protocol version', () => {
    expect(() => parseHandshakeLine('2|1|unix|/a.sock|grpc')).toThrow('Incompatible core plugin protocol version');
  });

  it('rejects an app protocol version the worker does not speak', () => {
    expect(() => parseHandshakeLine('1|2|unix|/a.sock|grpc')).toThrow('Incompatible plugin protocol version in "1|2|unix|/a.sock|grpc": got "2", this worker speaks 1');
    expect(parseHandshakeLine('1|2|unix|/a.sock|grpc', [1, 2]).appProtocolVersion).toBe(2);
  });

  it('rejects unknown networks and empty addresses', () => {
    expect(() => parseHandshakeLine('1|1|udp|/a.sock|grpc')).toThrow('Unknown network type "udp"');
    expect(() => parseHandshakeLine('1|1|unix||grpc')).toThrow('Empty address');
  });

  it('rejects net/rpc, including the legacy line without a protocol field', () => {
    expect(() => parseHandshakeLine('1|1|unix|/a.sock|netrpc')).toThrow('Unsupported plugin protocol "netrpc"');
    expect(() => parseHandshakeLine('1|1|unix|/a.sock')).toThrow('Unsupported plugin protocol "netrpc"');
  });
});

describe('negotiateAppProtocolVersion', () => {
  it('picks the highest version both sides speak', () => {
    expect(negotiateAppProtocolVersion('1')).toBe(1);
    expect(negotiateAppProtocolVersion('1,2', [1, 2])).toBe(2);
    expect(negotiateAppProtocolVersion('2,1', [1])).toBe(1);
    expect(negotiateAppProtocolVersion(' 1 , 3 ', [1, 2, 3])).toBe(3);
  });

  it('gives undefined when there is no common version or no list', () => {
    expect(negotiateAppProtocolVersion('2,3', [1])).toBeUndefined();
    expect(negotiateAppProtocolVersion(undefined)).toBeUndefined();
    expect(negotiateAppProtocolVersion('')).toBeUndefined();
    expect(negotiateAppProtocolVersion('one')).toBeUndefined();
  });
});
