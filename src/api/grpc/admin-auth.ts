// Authentication of the gRPC admin listener, off unless configured:
// - bearer token: every call must carry the metadata "authorization: Bearer <token>", the token
//   being the content of admin.grpc.auth.token.file (surrounding whitespace ignored); compared in
//   constant time (both sides hashed first, so neither length nor content leaks through timing);
// - mutual TLS: with admin.grpc.tls.client.ca.file set, the TLS handshake itself refuses clients
//   without a certificate signed by that CA (see admin-server.ts), before any call arrives.
// grpc.health.v1.Health stays open without a token, so that probes and load balancers can check
// the listener; everything else (the admin API and reflection) answers UNAUTHENTICATED.

import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';

export const HEALTH_SERVICE_PREFIX = '/grpc.health.v1.Health/';

export class AdminAuthConfigError extends Error {
  override name = 'AdminAuthConfigError';
}

export async function readTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AdminAuthConfigError(`Cannot read admin.grpc.auth.token.file ${path}: ${(error as Error).message}`);
  }
  const token = text.trim();
  if (token === '') throw new AdminAuthConfigError(`admin.grpc.auth.token.file ${path} is empty`);
  if (/\s/.test(token)) throw new AdminAuthConfigError(`admin.grpc.auth.token.file ${path} holds whitespace inside the token`);
  return token;
}

/** True when `presented` equals `expected`, in time that depends on neither. */
export function tokenMatches(expected: string, presented: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The token of an "authorization: Bearer <token>" metadata value, or undefined. */
export function bearerTokenOf(metadata: grpc.Metadata): string | undefined {
  const value = metadata.get('authorization')[0];
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** A server interceptor that answers UNAUTHENTICATED unless the call carries the token. */
export function bearerTokenInterceptor(expected: string): grpc.ServerInterceptor {
  return (method, call) =>
    new grpc.ServerInterceptingCall(call, {
      start: (next) => {
        const listener = new grpc.ServerListenerBuilder()
          .withOnReceiveMetadata((metadata, forward) => {
            const presented = bearerTokenOf(metadata);
            if (method.path.startsWith(HEALTH_SERVICE_PREFIX) || (presented !== undefined && tokenMatches(expected, presented))) {
              forward(metadata);
              return;
            }
            const trailers = new grpc.Metadata();
            trailers.set('www-authenticate', 'Bearer realm="polyconnect-admin"');
            call.sendStatus({
              code: grpc.status.UNAUTHENTICATED,
              details: presented === undefined ? 'This call needs a bearer token: metadata "authorization: Bearer <token>"' : 'The bearer token is not valid',
              metadata: trailers,
            });
          })
          .build();
        next(listener);
      },
    });
}
