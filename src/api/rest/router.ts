// A small router for the REST API: routes as "/connectors/{}/status" patterns (trailing slashes
// accepted, as Jersey accepts them), 404 for unknown paths, 405 for a known path with another
// method, path segments URL-decoded (a segment that does not decode is a 404), and Jersey's 406
// for a matched route whose request Accept header rules out JSON (every Kafka resource produces
// only application/json), checked before the handler runs — after the request's Content-Type, as
// Jersey checks what a resource consumes (415) before what it produces.

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
    const negotiated: RouteHandler = (context) => {
      if (!acceptsJson(context.request.headers.accept)) {
        const contentType = context.request.headers['content-type'];
        if (contentType !== undefined && !isJsonRange(contentType)) throw new HttpError(415, 'HTTP 415 Unsupported Media Type');
        throw new HttpError(406, 'HTTP 406 Not Acceptable');
      }
      return handler(context);
    };
    this.#routes.push({ method, pattern: new RegExp(`^${path.replaceAll('{}', '([^/]+)')}/?$`), handler: negotiated });
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

// Whether an Accept header admits application/json, as Jersey decides it: no header (or an empty
// one), or any media range of application/json, application/* or */* (a bare * too, which Java's
// own HTTP client sends). Parameters such as charset do not matter, and neither does q: Jersey
// matches a range with q=0 like any other.
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some(isJsonRange);
}

/** Whether one media range (or a Content-Type) is compatible with application/json. */
function isJsonRange(range: string): boolean {
  const type = (range.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type === 'application/*' || type === '*/*' || type === '*';
}
