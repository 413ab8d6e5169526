// AdminClient: the CLI's typed view of polyconnect.admin.v1.AdminService. Every call carries the
// bearer token (when given) and a deadline, and fails fast when the server is unreachable (no
// wait-for-ready); failures become AdminCallError with the gRPC code, the server's message and
// the REST status the server reported. One client holds one channel; close() releases it.

import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import type { AdminRequest, AdminResponse, AdminRpcName, WatchStatusResponse } from '../api/grpc/admin-messages.js';
import { adminClientConstructor } from '../api/grpc/admin-proto.js';
import { HTTP_STATUS_METADATA_KEY } from '../api/grpc/status-codes.js';

export interface AdminClientOptions {
  /** host:port of the gRPC admin listener. */
  readonly server: string;
  readonly token?: string;
  /** TLS settings; absent for plaintext. */
  readonly tls?: { readonly ca?: Buffer; readonly cert?: Buffer; readonly key?: Buffer; readonly serverName?: string };
  /** Deadline of each unary call. @default 60000 */
  readonly timeoutMs?: number;
}

export class AdminCallError extends Error {
  override name = 'AdminCallError';
  readonly code: grpc.status;
  /** The REST API's status for the same failure, when the server said. */
  readonly httpStatus: number | undefined;

  constructor(code: grpc.status, message: string, httpStatus: number | undefined) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  static of(error: grpc.ServiceError): AdminCallError {
    const http = error.metadata?.get(HTTP_STATUS_METADATA_KEY)[0];
    return new AdminCallError(error.code, error.details || error.message, typeof http === 'string' ? Number(http) : undefined);
  }
}

type UnaryMethod = (request: object, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: unknown) => void) => grpc.ClientUnaryCall;
type StreamMethod = (request: object, metadata: grpc.Metadata, options?: grpc.CallOptions) => grpc.ClientReadableStream<WatchStatusResponse>;

export class AdminClient {
  readonly #client: grpc.Client;
  readonly #token: string | undefined;
  readonly #timeoutMs: number;

  constructor(options: AdminClientOptions) {
    const credentials = options.tls === undefined ? grpc.credentials.createInsecure() : grpc.credentials.createSsl(options.tls.ca ?? null, options.tls.key ?? null, options.tls.cert ?? null);
    const channelOptions: grpc.ClientOptions = options.tls?.serverName === undefined ? {} : { 'grpc.ssl_target_name_override': options.tls.serverName, 'grpc.default_authority': options.tls.serverName };
    this.#client = new (adminClientConstructor())(options.server, credentials, channelOptions);
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** Reads the TLS files and the token file named by CLI-style options. */
  static async fromFiles(options: { server: string; token?: string; tokenFile?: string; tls: boolean; caFile?: string; certFile?: string; keyFile?: string; tlsServerName?: string; timeoutMs?: number }): Promise<AdminClient> {
    const token = options.tokenFile === undefined ? options.token : (await readFile(options.tokenFile, 'utf8')).trim();
    const optional = async (path: string | undefined): Promise<Buffer | undefined> => (path === undefined ? undefined : readFile(path));
    const tls = options.tls
      ? { ca: await optional(options.caFile), cert: await optional(options.certFile), key: await optional(options.keyFile), ...(options.tlsServerName === undefined ? {} : { serverName: options.tlsServerName }) }
      : undefined;
    return new AdminClient({ server: options.server, ...(token === undefined ? {} : { token }), ...(tls === undefined ? {} : { tls: stripUndefined(tls) }), ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  }

  call<M extends AdminRpcName>(method: M, request: AdminRequest<M>): Promise<AdminResponse<M>> {
    const invoke = (this.#client as unknown as Record<string, UnaryMethod>)[method]!.bind(this.#client);
    return new Promise((resolve, reject) => {
      invoke(request, this.#metadata(), { deadline: Date.now() + this.#timeoutMs }, (error, response) => (error ? reject(AdminCallError.of(error)) : resolve(response as AdminResponse<M>)));
    });
  }

  /** Opens a WatchStatus stream; read it with `for await`, end it with cancel(). */
  watchStatus(names: readonly string[]): grpc.ClientReadableStream<WatchStatusResponse> {
    const invoke = (this.#client as unknown as Record<string, StreamMethod>).WatchStatus!.bind(this.#client);
    return invoke({ names: [...names] }, this.#metadata());
  }

  close(): void {
    this.#client.close();
  }

  #metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    if (this.#token !== undefined) metadata.set('authorization', `Bearer ${this.#token}`);
    return metadata;
  }
}

function stripUndefined<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
