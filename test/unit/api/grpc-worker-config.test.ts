// The gRPC admin listener's worker config keys (admin.grpc.*): defaults (loopback listener, not
// required; TLS and token off), turning it off, and the checks on listener, TLS and client CA.

import { describe, expect, it } from 'vitest';
import { compileWorkerConfig, parseHostPort } from '../../../src/config/worker-config.js';

const BASE = { 'key.converter': 'org.apache.kafka.connect.storage.StringConverter', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };

describe('admin.grpc.* worker config', () => {
  it('listens on 127.0.0.1:8084 by default, without TLS or authentication', () => {
    expect(compileWorkerConfig(BASE).adminGrpc).toEqual({ listener: '127.0.0.1:8084', listenerRequired: false, tlsCertFile: null, tlsKeyFile: null, tlsClientCaFile: null, authTokenFile: null });
    expect(compileWorkerConfig(BASE).unknownKeys).toEqual([]);
  });

  it('takes a listener (then required), TLS files, a client CA and a token file', () => {
    const config = compileWorkerConfig({
      ...BASE,
      'admin.grpc.listener': '[::1]:9000',
      'admin.grpc.tls.cert.file': '/etc/pc/server.pem',
      'admin.grpc.tls.key.file': '/etc/pc/server.key',
      'admin.grpc.tls.client.ca.file': '/etc/pc/ca.pem',
      'admin.grpc.auth.token.file': '/etc/pc/token',
    });
    expect(config.adminGrpc).toEqual({ listener: '[::1]:9000', listenerRequired: true, tlsCertFile: '/etc/pc/server.pem', tlsKeyFile: '/etc/pc/server.key', tlsClientCaFile: '/etc/pc/ca.pem', authTokenFile: '/etc/pc/token' });
  });

  it('is off with an empty listener', () => {
    expect(compileWorkerConfig({ ...BASE, 'admin.grpc.listener': '' }).adminGrpc.listener).toBeNull();
  });

  it('refuses a bad listener, half a key pair, and a client CA without TLS', () => {
    expect(() => compileWorkerConfig({ ...BASE, 'admin.grpc.listener': 'http://127.0.0.1:8084' })).toThrow(/admin.grpc.listener.*Expected host:port/);
    expect(() => compileWorkerConfig({ ...BASE, 'admin.grpc.listener': 'localhost:99999' })).toThrow(/Expected host:port/);
    expect(() => compileWorkerConfig({ ...BASE, 'admin.grpc.tls.cert.file': '/c.pem' })).toThrow(/admin.grpc.tls.cert.file and admin.grpc.tls.key.file go together/);
    expect(() => compileWorkerConfig({ ...BASE, 'admin.grpc.tls.client.ca.file': '/ca.pem' })).toThrow(/Client certificates need TLS/);
  });

  it('parses host:port, bracketed IPv6 and an empty host', () => {
    expect(parseHostPort('k', 'localhost:8084')).toEqual({ host: 'localhost', port: 8084 });
    expect(parseHostPort('k', '[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseHostPort('k', ':8084')).toEqual({ host: '', port: 8084 });
  });
});
