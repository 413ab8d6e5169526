// Forwarding a REST request to the worker that carries it out, as Kafka Connect's workers do: the
// leader for leader-only writes, the worker running a task for its restart. When the Herder throws
// RequestTargetError, the same method, path, query and body go to the target's REST URL, with the
// caller's Authorization header, and the target's status and body are the answer, unchanged. The
// hidden `forward` query parameter bounds the hops: absent on a client's request (one more hop
// allowed: forward=true), `true` on a first forward (the next one goes out with forward=false),
// `false` means answer Kafka's 409 instead of forwarding again.

import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CONFLICTING_OPERATION, type RequestTargetError } from '../../herder/herder-errors.js';
import { sendError } from './http-io.js';

/** Kafka's RestClient waits as long as a request to the herder may take. */
const FORWARD_TIMEOUT_MS = 90_000;
/** Request headers that travel with a forwarded request. */
const FORWARDED_HEADERS = ['authorization', 'content-type', 'accept'];

export interface ForwardingOptions {
  /** CA certificates (PEM) to trust when the target's URL is https (the worker's trust store). */
  readonly ca?: string | Buffer | Array<string | Buffer>;
}

/**
 * Answers `response` with the target's answer to the same request, or with Kafka's 409 when the
 * request was already forwarded as far as it may go, or 500 when the target cannot be reached.
 */
export async function forwardRequest(
  target: RequestTargetError,
  request: IncomingMessage,
  response: ServerResponse,
  body: string | undefined,
  options: ForwardingOptions = {},
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const forward = url.searchParams.get('forward');
  if (forward !== null && forward.toLowerCase() !== 'true') return sendError(response, 409, CONFLICTING_OPERATION);
  const targetBase = new URL(target.targetUrl);
  url.searchParams.set('forward', String(forward === null));
  const forwarded = new URL(`${url.pathname}${url.search}`, targetBase);
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  try {
    const answer = await send(forwarded, request.method ?? 'GET', headers, body, options);
    const responseHeaders: Record<string, string> = {};
    for (const name of ['content-type', 'location']) {
      const value = answer.headers[name];
      if (typeof value === 'string') responseHeaders[name] = value;
    }
    response.writeHead(answer.status, { ...responseHeaders, 'content-length': String(answer.body.length) });
    response.end(answer.body);
  } catch (error) {
    sendError(response, 500, `IO Error trying to forward REST request: ${(error as Error).message}`);
  }
}

interface ForwardAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, options: ForwardingOptions): Promise<ForwardAnswer> {
  return new Promise((resolve, reject) => {
    const requestOptions = { method, headers, timeout: FORWARD_TIMEOUT_MS };
    const onResponse = (answer: IncomingMessage): void => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    };
    const outgoing = url.protocol === 'https:' ? httpsRequest(url, { ...requestOptions, ...(options.ca === undefined ? {} : { ca: options.ca }) }, onResponse) : httpRequest(url, requestOptions, onResponse);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url.origin} within ${FORWARD_TIMEOUT_MS} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
