// http-io helpers: readJsonBody over a fake IncomingMessage (415 without a JSON content type,
// charset allowed, 413 over the limit, 400 for empty or malformed bodies), queryBoolean's Jersey
// leniency, and the JSON / error / empty responses sent on a fake ServerResponse.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError, queryBoolean, readJsonBody, sendEmpty, sendError, sendJson } from '../../../src/api/rest/http-io.js';

function request(body: string | string[], headers: Record<string, string> = { 'content-type': 'application/json' }): IncomingMessage {
  const chunks = (Array.isArray(body) ? body : [body]).map((chunk) => Buffer.from(chunk));
  return Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;
}

async function httpErrorOf(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected an HttpError');
}

describe('readJsonBody', () => {
  it('parses a JSON body sent with application/json, in chunks', async () => {
    expect(await readJsonBody(request(['{"name":"a",', '"config":{"x":"1"}}']), 1024)).toEqual({ name: 'a', config: { x: '1' } });
  });

  it('accepts a charset parameter and any letter case', async () => {
    expect(await readJsonBody(request('[1]', { 'content-type': 'Application/JSON; charset=UTF-8' }), 1024)).toEqual([1]);
  });

  it.each([
    ['no content type', {}],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form encoding (curl -d)', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('answers %s with 415', async (_what, headers) => {
    const error = await httpErrorOf(readJsonBody(request('{}', headers), 1024));
    expect(error.status).toBe(415);
    expect(error.message).toBe('HTTP 415 Unsupported Media Type');
  });

  it('answers a body over the limit with 413', async () => {
    const error = await httpErrorOf(readJsonBody(request(['{"a":"', 'x'.repeat(20), '"}']), 16));
    expect(error.status).toBe(413);
    expect(error.message).toBe('Request body is larger than 16 bytes');
  });

  it('takes a body of exactly the limit', async () => {
    expect(await readJsonBody(request('"12345678"'), 10)).toBe('12345678');
  });

  it.each(['', '  \n'])('answers the empty body %j with 400', async (body) => {
    const error = await httpErrorOf(readJsonBody(request(body), 1024));
    expect(error.status).toBe(400);
    expect(error.message).toBe('Request body is empty; expected JSON');
  });

  it('answers malformed JSON with 400 and the parser message', async () => {
    const error = await httpErrorOf(readJsonBody(request('{"a":'), 1024));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Malformed JSON in request body: /);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('"café"');
    const split = [bytes.subarray(0, 4), bytes.subarray(4)];
    const fake = Object.assign(Readable.from(split), { headers: { 'content-type': 'application/json' } }) as unknown as IncomingMessage;
    expect(await readJsonBody(fake, 1024)).toBe('café');
  });
});

describe('queryBoolean', () => {
  const query = new URLSearchParams('a=true&b=TRUE&c=yes&d=&e=1&f=false&g=True');

  it('is true only for "true" in any letter case', () => {
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => queryBoolean(query, name))).toEqual([true, true, false, false, false, false, true]);
  });

  it('gives the fallback only when the parameter is absent', () => {
    expect(queryBoolean(query, 'missing')).toBe(false);
    expect(queryBoolean(query, 'missing', true)).toBe(true);
    expect(queryBoolean(query, 'c', true)).toBe(false);
  });
});

describe('sendJson, sendError, sendEmpty', () => {
  function fakeResponse() {
    const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const response = {
      writeHead(status: number, headers?: Record<string, unknown>) {
        sent.status = status;
        sent.headers = headers;
        return this;
      },
      end(body?: string) {
        sent.body = body;
        return this;
      },
    };
    return { response: response as unknown as ServerResponse, sent };
  }

  it('sends compact JSON with its byte length', () => {
    const { response, sent } = fakeResponse();
    sendJson(response, 201, { name: 'café', n: [1, 2] }, { Location: 'http://x/connectors/café' });
    expect(sent).toEqual({
      status: 201,
      headers: { 'Content-Type': 'application/json', 'Content-Length': 26, Location: 'http://x/connectors/café' },
      body: '{"name":"café","n":[1,2]}',
    });
  });

  it('sends Kafka error body, with a null message when there is none', () => {
    const { response, sent } = fakeResponse();
    sendError(response, 500, null);
    expect(sent.status).toBe(500);
    expect(sent.body).toBe('{"error_code":500,"message":null}');
  });

  it('sends an empty response', () => {
    const { response, sent } = fakeResponse();
    sendEmpty(response, 204);
    expect(sent).toEqual({ status: 204, headers: undefined, body: undefined });
  });
});
