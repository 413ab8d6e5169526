// The Kafka Connect REST API on node:http, a thin layer over the Herder: listeners, dispatch
// through the router, and Kafka Connect's error body {"error_code","message"} for every failure.
// The routes themselves live in connector-routes.ts, plugin-routes.ts and admin-routes.ts.
// https:// listeners take TLS settings (tls.ts); an authenticator (basic-auth.ts) checks every
// request before it is routed and refused requests get Kafka's 401. Requests another worker carries
// out (leader-only writes, restarts of tasks running elsewhere) are forwarded (request-forwarding.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { parseListener } from '../../config/worker-config.js';
import type { Herder } from '../../herder/herder.js';
import { HerderError, RequestTargetError } from '../../herder/herder-errors.js';
import type { LoggerLevels } from '../../logging.js';
import { addAdminRoutes } from './admin-routes.js';
import { sendUnauthorized } from './basic-auth.js';
import { addConnectorRoutes } from './connector-routes.js';
import { bodyRead, HttpError, sendError } from './http-io.js';
import { forwardRequest } from './request-forwarding.js';
import { addPluginRoutes } from './plugin-routes.js';
import { Router } from './router.js';

export interface RestServerOptions {
  /** Largest request body accepted (413 beyond). */
  readonly maxBodyBytes?: number;
  /** Live log levels for /admin/loggers; without it those routes do not exist. */
  readonly loggers?: LoggerLevels;
  /** Checks every request's credentials; a refused request gets Kafka's 401. Without it, all are let in. */
  readonly authenticator?: RequestAuthenticator;
  /** TLS settings of https:// listeners (certificate and key at least); needed when one is https. */
  readonly tls?: HttpsServerOptions;
}

export interface RequestAuthenticator {
  authenticate(request: IncomingMessage): boolean;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class RestServer {
  readonly #log: Logger;
  readonly #router = new Router();
  readonly #servers: Server[] = [];
  readonly #authenticator: RequestAuthenticator | undefined;
  readonly #tls: HttpsServerOptions | undefined;

  constructor(herder: Herder, logger: Logger, options: RestServerOptions = {}) {
    this.#log = logger.child({ component: 'rest' });
    this.#authenticator = options.authenticator;
    this.#tls = options.tls;
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    addAdminRoutes(this.#router, herder, options.loggers, maxBodyBytes);
    addConnectorRoutes(this.#router, herder, maxBodyBytes);
    addPluginRoutes(this.#router, herder, maxBodyBytes);
  }

  /** Listens on every listener (http://host:port or https://host:port); resolves with the bound addresses. */
  async start(listeners: readonly string[]): Promise<string[]> {
    const bound: string[] = [];
    for (const listener of listeners) {
      const { protocol, host, port } = parseListener(listener);
      const handle = (request: IncomingMessage, response: ServerResponse): void => void this.#handle(request, response);
      if (protocol === 'https' && this.#tls === undefined) throw new Error(`Listener ${listener}: an https listener needs TLS settings (listeners.https.ssl.*)`);
      const server = protocol === 'https' ? createHttpsServer(this.#tls!, handle) : createServer(handle);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host === '' ? '127.0.0.1' : host, () => resolve());
      });
      this.#servers.push(server);
      const address = server.address() as AddressInfo;
      bound.push(`${protocol}://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    }
    this.#log.info({ listeners: bound }, 'REST server listening');
    return bound;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.#servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    try {
      if (this.#authenticator?.authenticate(request) === false) {
        this.#log.debug({ method, path: url.pathname }, 'Request failed authentication');
        return sendUnauthorized(response);
      }
      const { handler, params } = this.#router.match(method, url.pathname);
      const scheme = (request.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
      const baseUrl = `${scheme}://${request.headers.host ?? 'localhost'}`;
      await handler({ params, query: url.searchParams, request, response, baseUrl });
    } catch (error) {
      if (response.headersSent) return void response.end();
      if (error instanceof RequestTargetError) return await forwardRequest(error, request, response, bodyRead(request), { ca: this.#tls?.ca });
      if (error instanceof HerderError) return sendError(response, error.httpStatus, error.message);
      if (error instanceof HttpError) return sendError(response, error.status, error.message);
      this.#log.error({ err: error, method, path: url.pathname }, 'Request failed');
      sendError(response, 500, error instanceof Error ? error.message : String(error));
    } finally {
      this.#log.debug({ method, path: url.pathname, status: response.statusCode }, 'REST request');
    }
  }
}
