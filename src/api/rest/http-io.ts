// Small HTTP plumbing for the REST API on node:http: JSON responses (compact, as Kafka Connect
// writes them), Kafka Connect's error body {"error_code","message"}, request bodies read with a
// size limit, and Jersey's lenient query booleans.

import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}

export function sendError(response: ServerResponse, status: number, message: string | null): void {
  sendJson(response, status, { error_code: status, message });
}

/** "true" in any letter case is true; anything else, or nothing, is false (Jersey's parsing). */
export function queryBoolean(query: URLSearchParams, name: string, fallback = false): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  return value.toLowerCase() === 'true';
}

/** The raw text of each request body read, for forwarding the request to the leader. */
const bodiesRead = new WeakMap<IncomingMessage, string>();

/** The body readJsonBody read from this request, if it read one. */
export function bodyRead(request: IncomingMessage): string | undefined {
  return bodiesRead.get(request);
}

/** Reads a JSON body; Kafka answers a body without a JSON content type with 415. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) throw new HttpError(415, 'HTTP 415 Unsupported Media Type');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `Request body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  bodiesRead.set(request, text);
  if (text.trim() === '') throw new HttpError(400, 'Request body is empty; expected JSON');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `Malformed JSON in request body: ${(error as Error).message}`);
  }
}
