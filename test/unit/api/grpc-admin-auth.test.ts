// Bearer-token authentication of the gRPC admin listener: the token file (trimmed; empty or
// unreadable refused), constant-time comparison, the metadata format, and an AdminServer with a
// token: calls without it or with a wrong one answer UNAUTHENTICATED, with it they work, and
// grpc.health.v1 stays open. Health follows the Herder's.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerTokenOf, readTokenFile, tokenMatches } from '../../../src/api/grpc/admin-auth.js';
import { ADMIN_SERVICE_NAME } from '../../../src/api/grpc/admin-proto.js';
import { AdminServer } from '../../../src/api/grpc/admin-server.js';
import { AdminCallError, AdminClient } from '../../../src/cli/admin-client.js';
import { FakeHerder } from './grpc-fake-herder.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-grpc-auth-'));

describe('token file and comparison', () => {
  it('reads the token trimmed and refuses empty, unreadable or split tokens', async () => {
    writeFileSync(join(directory, 'ok'), '  s3cret-token\n');
    writeFileSync(join(directory, 'empty'), '\n');
    writeFileSync(join(directory, 'split'), 'two words\n');
    expect(await readTokenFile(join(directory, 'ok'))).toBe('s3cret-token');
    await expect(readTokenFile(join(directory, 'empty'))).rejects.toThrow(/is empty/);
    await expect(readTokenFile(join(directory, 'split'))).rejects.toThrow(/whitespace inside the token/);
    await expect(readTokenFile(join(directory, 'missing'))).rejects.toThrow(/^Cannot read admin.grpc.auth.token.file/);
  });

  it('compares tokens of any lengths', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
  });

  it('takes the token from "authorization: Bearer <token>" only', () => {
    const metadata = (value?: string): grpc.Metadata => {
      const m = new grpc.Metadata();
      if (value !== undefined) m.set('authorization', value);
      return m;
    };
    expect(bearerTokenOf(metadata('Bearer abc'))).toBe('abc');
    expect(bearerTokenOf(metadata('bearer   abc '))).toBe('abc');
    expect(bearerTokenOf(metadata('Basic abc'))).toBeUndefined();
    expect(bearerTokenOf(metadata('Bearer a b'))).toBeUndefined();
    expect(bearerTokenOf(metadata())).toBeUndefined();
  });
});

describe('AdminServer with a bearer token', () => {
  const herder = new FakeHerder();
  let server: AdminServer;
  let address: string;

  beforeAll(async () => {
    writeFileSync(join(directory, 'token'), 'the-token\n');
    server = await AdminServer.create(herder, pino({ level: 'silent' }), { security: { authTokenFile: join(directory, 'token'), tlsCertFile: null, tlsKeyFile: null, tlsClientCaFile: null } });
    address = await server.start('127.0.0.1:0');
  });

  afterAll(() => server.stop());

  async function codeOf(client: AdminClient): Promise<[grpc.status, string]> {
    try {
      await client.call('ListConnectors', {});
      return [grpc.status.OK, ''];
    } catch (error) {
      return [(error as AdminCallError).code, (error as AdminCallError).message];
    } finally {
      client.close();
    }
  }

  it('refuses calls without the token or with a wrong one, accepts the right one', async () => {
    expect(await codeOf(new AdminClient({ server: address }))).toEqual([grpc.status.UNAUTHENTICATED, 'This call needs a bearer token: metadata "authorization: Bearer <token>"']);
    expect(await codeOf(new AdminClient({ server: address, token: 'the-tokem' }))).toEqual([grpc.status.UNAUTHENTICATED, 'The bearer token is not valid']);
    expect(await codeOf(new AdminClient({ server: address, token: 'the-token' }))).toEqual([grpc.status.OK, '']);
  });

  it('answers health checks without a token, following the Herder', async () => {
    const Health = grpc.makeGenericClientConstructor(healthService, 'Health') as unknown as new (address: string, credentials: grpc.ChannelCredentials) => grpc.Client & {
      check(request: { service: string }, callback: (error: grpc.ServiceError | null, response?: { status: string }) => void): void;
    };
    const health = new Health(address, grpc.credentials.createInsecure());
    const check = (service: string): Promise<string> => new Promise((resolve, reject) => health.check({ service }, (error, response) => (error ? reject(error) : resolve(response!.status))));
    expect(await check('')).toBe('SERVING');
    expect(await check(ADMIN_SERVICE_NAME)).toBe('SERVING');
    herder.healthStatus = { status: 'unhealthy', message: 'Worker is shutting down.' };
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(await check(ADMIN_SERVICE_NAME)).toBe('NOT_SERVING');
    health.close();
  });
});
