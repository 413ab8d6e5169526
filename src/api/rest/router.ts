// A small router for the REST API: routes as "/connectors/{}/status" patterns (trailing slashes
// accepted, as Jersey accepts them), 404 for unknown paths, 405 for a known path with another
// method, path segments URL-decoded (a segment that does not decode is a 404).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http-io.js';

export interface RouteContext {
  readonly params: string[];
  readonly query: URLSearchParams;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** The request's base URL (scheme, host, port), for Location headers. */
  readonly baseUrl: string;
}

export type RouteHandler = (context: RouteContext) => Promise<void> | void;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: RouteHandler;
}

export class Router {
  readonly #routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    this.#routes.push({ method, pattern: new RegExp(`^${path.replaceAll('{}', '([^/]+)')}/?$`), handler });
    return this;
  }

  /** The handler for a request and its decoded path parameters; throws 404 or 405 when there is none. */
  match(method: string, path: string): { handler: RouteHandler; params: string[] } {
    const trimmed = path.replace(/\/+$/, '');
    let pathMatched = false;
    for (const route of this.#routes) {
      const match = route.pattern.exec(trimmed);
      if (match === null) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      try {
        return { handler: route.handler, params: match.slice(1).map((segment) => decodeURIComponent(segment)) };
      } catch {
        throw new HttpError(404, 'HTTP 404 Not Found');
      }
    }
    if (pathMatched) throw new HttpError(405, 'HTTP 405 Method Not Allowed');
    throw new HttpError(404, 'HTTP 404 Not Found');
  }
}
