// AdminServer: the gRPC admin listener (polyconnect.admin.v1.AdminService, grpc.health.v1.Health
// and server reflection) over the Herder, a thin layer like the REST API beside it.
//
// Lifecycle: `AdminServer.create()` reads the TLS and token files (failing early on bad ones),
// `start(listener)` binds host:port and resolves with the address bound, `stop()` ends the open
// WatchStatus streams with OK, reports NOT_SERVING and shuts the server down (forced after a
// grace period). `startAdminApi()` does all three from the worker config for the entry points.
//
// Calls another worker carries out (leader-only writes, restarts of tasks running elsewhere) are
// forwarded to it (request-forwarding.ts).
//
// Health: the server ("") and AdminService report SERVING while the Herder reports healthy,
// NOT_SERVING otherwise (checked every second). Security: see admin-auth.ts; all off by default.

import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from 'pino';
import { parseHostPort, type AdminGrpcConfig } from '../../config/worker-config.js';
import type { Herder } from '../../herder/herder.js';
import { RequestTargetError } from '../../herder/herder-errors.js';
import type { LoggerLevels } from '../../logging.js';
import { bearerTokenInterceptor, readTokenFile } from './admin-auth.js';
import { adminHandlers, type AdminHandlers } from './admin-handlers.js';
import { ADMIN_SERVICE_NAME, adminServiceDefinition, reflectedProtoDefinition } from './admin-proto.js';
import { AdminRequestForwarder, isForwardedStatus } from './request-forwarding.js';
import { adminStatusOf, serviceErrorOf } from './status-codes.js';
import { StatusWatch, type StatusChangeSource, type WatchCall } from './watch-status.js';

export interface AdminServerOptions {
  /** Live log levels for the logger RPCs; without them those answer UNIMPLEMENTED. */
  readonly loggers?: LoggerLevels;
  /** Status changes for WatchStatus; without them it answers UNIMPLEMENTED. */
  readonly statusChanges?: StatusChangeSource;
  /** The security settings (admin.grpc.*); the listener itself is start()'s argument. */
  readonly security?: Pick<AdminGrpcConfig, 'tlsCertFile' | 'tlsKeyFile' | 'tlsClientCaFile' | 'authTokenFile'>;
  /** How long stop() lets calls in flight finish before it cancels them. @default 2000 */
  readonly shutdownGraceMs?: number;
}

const HEALTH_CHECK_INTERVAL_MS = 1_000;

export class AdminServer {
  readonly #server: grpc.Server;
  readonly #credentials: grpc.ServerCredentials;
  readonly #health = new HealthImplementation({ '': 'NOT_SERVING', [ADMIN_SERVICE_NAME]: 'NOT_SERVING' });
  readonly #herder: Herder;
  readonly #log: Logger;
  readonly #watches = new Set<StatusWatch>();
  readonly #shutdownGraceMs: number;
  readonly #forwarder: AdminRequestForwarder;
  #healthTimer: NodeJS.Timeout | undefined;
  #address = '';

  private constructor(herder: Herder, logger: Logger, server: grpc.Server, credentials: grpc.ServerCredentials, forwarder: AdminRequestForwarder, options: AdminServerOptions) {
    this.#herder = herder;
    this.#forwarder = forwarder;
    this.#log = logger;
    this.#server = server;
    this.#credentials = credentials;
    this.#shutdownGraceMs = options.shutdownGraceMs ?? 2_000;
    server.addService(adminServiceDefinition(), this.#implementation(adminHandlers(herder, options.loggers), options.statusChanges));
    this.#health.addToServer(server);
    new ReflectionService(reflectedProtoDefinition()).addToServer(server);
  }

  static async create(herder: Herder, logger: Logger, options: AdminServerOptions = {}): Promise<AdminServer> {
    const security = options.security;
    const token = security?.authTokenFile ? await readTokenFile(security.authTokenFile) : undefined;
    const server = new grpc.Server({ interceptors: token === undefined ? [] : [bearerTokenInterceptor(token)] });
    const credentials = await serverCredentials(security);
    const forwarder = await AdminRequestForwarder.create(security);
    return new AdminServer(herder, logger.child({ component: 'grpc-admin' }), server, credentials, forwarder, options);
  }

  /** Binds host:port (port 0 picks one); resolves with the address bound, host:port. */
  async start(listener: string): Promise<string> {
    const { host, port } = parseHostPort('admin.grpc.listener', listener);
    const hostPart = host.includes(':') ? `[${host}]` : host || '127.0.0.1';
    const bound = await new Promise<number>((resolve, reject) => {
      this.#server.bindAsync(`${hostPart}:${port}`, this.#credentials, (error, boundPort) => (error ? reject(new Error(`Cannot listen on ${listener} (admin.grpc.listener): ${error.message}`)) : resolve(boundPort)));
    });
    this.#syncHealth();
    this.#healthTimer = setInterval(() => this.#syncHealth(), HEALTH_CHECK_INTERVAL_MS).unref();
    const address = `${hostPart}:${bound}`;
    this.#address = address;
    this.#log.info({ listener: address }, 'gRPC admin API listening');
    return address;
  }

  /** The address bound by start(), host:port ('' before). */
  get address(): string {
    return this.#address;
  }

  async stop(): Promise<void> {
    clearInterval(this.#healthTimer);
    this.#health.setStatus('', 'NOT_SERVING');
    this.#health.setStatus(ADMIN_SERVICE_NAME, 'NOT_SERVING');
    for (const watch of this.#watches) watch.end();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.#server.forceShutdown();
        resolve();
      }, this.#shutdownGraceMs);
      this.#server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    this.#forwarder.close();
  }

  #syncHealth(): void {
    const status = this.#herder.health().status === 'healthy' ? 'SERVING' : 'NOT_SERVING';
    this.#health.setStatus('', status);
    this.#health.setStatus(ADMIN_SERVICE_NAME, status);
  }

  #implementation(handlers: AdminHandlers, statusChanges: StatusChangeSource | undefined): grpc.UntypedServiceImplementation {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [rpc, handler] of Object.entries(handlers) as Array<[string, (request: unknown) => unknown]>) {
      implementation[rpc] = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        Promise.resolve()
          .then(() => handler(call.request))
          .catch((error: unknown) => {
            if (!(error instanceof RequestTargetError)) throw error;
            this.#log.debug({ rpc, target: error.targetAdminUrl }, 'Forwarding an admin call to the worker that carries it out');
            return this.#forwarder.forward(error, rpc, call.request, call.metadata);
          })
          .then(
            (response) => callback(null, response),
            (error: unknown) => {
              if (isForwardedStatus(error)) return callback(error);
              const status = adminStatusOf(error);
              if (status.code === grpc.status.INTERNAL) this.#log.error({ err: error, rpc }, 'Admin call failed');
              else this.#log.debug({ rpc, code: grpc.status[status.code], message: status.details }, 'Admin call refused');
              callback(serviceErrorOf(status));
            },
          );
      };
    }
    implementation.WatchStatus = (call: WatchCall) => {
      if (statusChanges === undefined) {
        call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: "This worker's status store cannot be watched" });
        return;
      }
      this.#watches.add(StatusWatch.start(call, this.#herder, statusChanges, (watch) => this.#watches.delete(watch)));
    };
    return implementation;
  }
}

/**
 * Starts the gRPC admin API as the worker config says: not at all when admin.grpc.listener is
 * empty; on the default listener, a port already taken is a warning and the worker runs without it.
 */
export async function startAdminApi(herder: Herder, logger: Logger, config: AdminGrpcConfig, options: Omit<AdminServerOptions, 'security'>): Promise<AdminServer | undefined> {
  if (config.listener === null) return undefined;
  const server = await AdminServer.create(herder, logger, { ...options, security: config });
  try {
    await server.start(config.listener);
  } catch (error) {
    await server.stop();
    if (config.listenerRequired) throw error;
    logger.warn({ err: error }, `The gRPC admin API is not available: ${(error as Error).message}; set admin.grpc.listener to another host:port (or empty to turn it off)`);
    return undefined;
  }
  return server;
}

async function serverCredentials(security: AdminServerOptions['security']): Promise<grpc.ServerCredentials> {
  if (!security?.tlsCertFile || !security.tlsKeyFile) return grpc.ServerCredentials.createInsecure();
  const read = async (key: string, path: string): Promise<Buffer> => {
    try {
      return await readFile(path);
    } catch (error) {
      throw new Error(`Cannot read ${key} ${path}: ${(error as Error).message}`);
    }
  };
  const certChain = await read('admin.grpc.tls.cert.file', security.tlsCertFile);
  const privateKey = await read('admin.grpc.tls.key.file', security.tlsKeyFile);
  const clientCa = security.tlsClientCaFile ? await read('admin.grpc.tls.client.ca.file', security.tlsClientCaFile) : null;
  return grpc.ServerCredentials.createSsl(clientCa, [{ cert_chain: certChain, private_key: privateKey }], clientCa !== null);
}
