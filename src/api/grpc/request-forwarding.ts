// Forwarding an admin RPC to the worker that carries it out (the leader for leader-only writes,
// the worker running a task for its restart): when the Herder throws RequestTargetError, the same
// call goes to the target's gRPC admin address with the caller's "authorization" metadata, and the
// target's response or status is the answer, unchanged. One hop only: a forwarded call carries
// "polyconnect-forwarded", and a worker that receives one but cannot carry it out either (the
// leadership or the task moved meanwhile) answers ABORTED with Kafka's 409 text, which clients retry.
//
// TLS between workers: when the admin listener has TLS, the forwarding client trusts the CA in
// admin.grpc.tls.client.ca.file (else the system's), and presents the worker's own certificate
// when that CA is set (the leader then asks for a client certificate).

import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import type { AdminGrpcConfig } from '../../config/worker-config.js';
import { CONFLICTING_OPERATION, NO_KNOWN_LEADER, type RequestTargetError } from '../../herder/herder-errors.js';
import { adminClientConstructor } from './admin-proto.js';
import { AdminRequestError } from './status-codes.js';

export const FORWARDED_METADATA_KEY = 'polyconnect-forwarded';
/** As long as the REST API lets a forwarded request take. */
const FORWARD_DEADLINE_MS = 90_000;

type UnaryMethod = (request: unknown, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: unknown) => void) => void;

export class AdminRequestForwarder {
  readonly #credentials: grpc.ChannelCredentials;
  readonly #clients = new Map<string, grpc.Client>();

  private constructor(credentials: grpc.ChannelCredentials) {
    this.#credentials = credentials;
  }

  static async create(security: Pick<AdminGrpcConfig, 'tlsCertFile' | 'tlsKeyFile' | 'tlsClientCaFile'> | undefined): Promise<AdminRequestForwarder> {
    if (!security?.tlsCertFile || !security.tlsKeyFile) return new AdminRequestForwarder(grpc.credentials.createInsecure());
    if (!security.tlsClientCaFile) return new AdminRequestForwarder(grpc.credentials.createSsl());
    const [ca, key, cert] = await Promise.all([readFile(security.tlsClientCaFile), readFile(security.tlsKeyFile), readFile(security.tlsCertFile)]);
    return new AdminRequestForwarder(grpc.credentials.createSsl(ca, key, cert));
  }

  /** The target's answer to the same call; rejects with the target's status (a ServiceError) or ABORTED. */
  forward(target: RequestTargetError, rpc: string, request: unknown, incoming: grpc.Metadata): Promise<unknown> {
    if (incoming.get(FORWARDED_METADATA_KEY).length > 0) return Promise.reject(new AdminRequestError(grpc.status.ABORTED, CONFLICTING_OPERATION, 409));
    if (target.targetAdminUrl === '') return Promise.reject(new AdminRequestError(grpc.status.ABORTED, NO_KNOWN_LEADER, 409));
    const metadata = new grpc.Metadata();
    for (const value of incoming.get('authorization')) metadata.add('authorization', value);
    metadata.set(FORWARDED_METADATA_KEY, 'true');
    const client = this.#client(target.targetAdminUrl);
    const method = (client as unknown as Record<string, UnaryMethod | undefined>)[rpc];
    if (method === undefined) return Promise.reject(new AdminRequestError(grpc.status.UNIMPLEMENTED, `Cannot forward ${rpc}`, 501));
    return new Promise((resolve, reject) => {
      method.call(client, request, metadata, { deadline: Date.now() + FORWARD_DEADLINE_MS }, (error, response) => (error ? reject(error) : resolve(response)));
    });
  }

  close(): void {
    for (const client of this.#clients.values()) client.close();
    this.#clients.clear();
  }

  #client(address: string): grpc.Client {
    let client = this.#clients.get(address);
    if (client === undefined) {
      const Client = adminClientConstructor();
      client = new Client(address, this.#credentials);
      this.#clients.set(address, client);
    }
    return client;
  }
}

/** A status the target answered with (passed through as it is), as opposed to an error of ours. */
export function isForwardedStatus(error: unknown): error is grpc.ServiceError {
  return typeof error === 'object' && error !== null && 'code' in error && 'metadata' in error && (error as { metadata: unknown }).metadata instanceof grpc.Metadata;
}
