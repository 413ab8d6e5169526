// The Kafka Connect REST API on node:http, a thin layer over the Herder: routes, Kafka Connect's
// status codes and error bodies, trailing slashes accepted as Jersey accepts them.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { parseListener } from '../../config/worker-config.js';
import type { Herder } from '../../herder/herder.js';
import { HerderError } from '../../herder/herder-errors.js';
import { HttpError, queryBoolean, sendEmpty, sendError, sendJson } from './http-io.js';

type Handler = (context: { params: string[]; query: URLSearchParams; request: IncomingMessage; response: ServerResponse }) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const SEGMENT = '([^/]+)';

export class RestServer {
  readonly #herder: Herder;
  readonly #log: Logger;
  readonly #routes: Route[] = [];
  readonly #servers: Server[] = [];

  constructor(herder: Herder, logger: Logger) {
    this.#herder = herder;
    this.#log = logger.child({ component: 'rest' });
    this.#defineRoutes();
  }

  /** Listens on every listener (http://host:port); resolves with the bound addresses. */
  async start(listeners: readonly string[]): Promise<string[]> {
    const bound: string[] = [];
    for (const listener of listeners) {
      const { protocol, host, port } = parseListener(listener);
      if (protocol !== 'http') throw new Error(`Listener ${listener}: only http listeners are supported so far`);
      const server = createServer((request, response) => void this.#handle(request, response));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host === '' ? '127.0.0.1' : host, () => resolve());
      });
      this.#servers.push(server);
      const address = server.address() as AddressInfo;
      bound.push(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
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

  #route(method: string, path: string, handler: Handler): void {
    const pattern = new RegExp(`^${path.replaceAll('{}', SEGMENT)}/?$`);
    this.#routes.push({ method, pattern, handler });
  }

  #defineRoutes(): void {
    const herder = this.#herder;
    this.#route('GET', '', ({ response }) => sendJson(response, 200, herder.serverInfo()));
    this.#route('GET', '/connectors', ({ query, response }) => {
      const expand = query.getAll('expand');
      const names = herder.connectors();
      if (expand.length === 0) return sendJson(response, 200, names);
      const expanded: Record<string, Record<string, unknown>> = {};
      for (const name of names) {
        const entry: Record<string, unknown> = {};
        try {
          if (expand.includes('status')) entry.status = herder.connectorStatus(name);
          if (expand.includes('info')) entry.info = herder.connectorInfo(name);
        } catch {
          continue; // no status yet: Kafka leaves the connector out
        }
        expanded[name] = entry;
      }
      sendJson(response, 200, expanded);
    });
    this.#route('GET', '/connectors/{}', ({ params, response }) => sendJson(response, 200, herder.connectorInfo(params[0]!)));
    this.#route('GET', '/connectors/{}/status', ({ params, response }) => sendJson(response, 200, herder.connectorStatus(params[0]!)));
    this.#route('GET', '/connectors/{}/tasks/{}/status', ({ params, response }) => sendJson(response, 200, herder.taskStatus(params[0]!, taskIdOf(params[1]!))));
    this.#route('POST', '/connectors/{}/restart', async ({ params, query, response }) => {
      const result = await herder.restartConnector(params[0]!, { includeTasks: queryBoolean(query, 'includeTasks'), onlyFailed: queryBoolean(query, 'onlyFailed') });
      if (result === undefined) sendEmpty(response, 204);
      else sendJson(response, 202, result);
    });
    this.#route('POST', '/connectors/{}/tasks/{}/restart', async ({ params, response }) => {
      await herder.restartTask(params[0]!, taskIdOf(params[1]!));
      sendEmpty(response, 204);
    });
    this.#route('PUT', '/connectors/{}/pause', async ({ params, response }) => {
      await herder.pauseConnector(params[0]!);
      sendEmpty(response, 202);
    });
    this.#route('PUT', '/connectors/{}/resume', async ({ params, response }) => {
      await herder.resumeConnector(params[0]!);
      sendEmpty(response, 202);
    });
    this.#route('PUT', '/connectors/{}/stop', async ({ params, response }) => {
      await herder.stopConnector(params[0]!);
      sendEmpty(response, 204);
    });
    this.#route('GET', '/connector-plugins', ({ query, response }) => sendJson(response, 200, herder.connectorPlugins(queryBoolean(query, 'connectorsOnly', true))));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    const method = request.method ?? 'GET';
    try {
      let pathMatched = false;
      for (const route of this.#routes) {
        const match = route.pattern.exec(path);
        if (match === null) continue;
        pathMatched = true;
        if (route.method !== method) continue;
        const params = match.slice(1).map((segment) => decodeURIComponent(segment));
        await route.handler({ params, query: url.searchParams, request, response });
        return;
      }
      if (pathMatched) sendError(response, 405, 'HTTP 405 Method Not Allowed');
      else sendError(response, 404, 'HTTP 404 Not Found');
    } catch (error) {
      if (error instanceof HerderError) return sendError(response, error.httpStatus, error.message);
      if (error instanceof HttpError) return sendError(response, error.status, error.message);
      this.#log.error({ err: error, method, path }, 'Request failed');
      sendError(response, 500, error instanceof Error ? error.message : String(error));
    } finally {
      this.#log.debug({ method, path: url.pathname, status: response.statusCode }, 'REST request');
    }
  }
}

/** A task id path segment; one that does not parse is a 404, as Jersey answers. */
function taskIdOf(segment: string): number {
  if (!/^\d+$/.test(segment)) throw new HttpError(404, 'HTTP 404 Not Found');
  return Number(segment);
}
