// The router's content negotiation (Jersey's 406 for an Accept header that rules out JSON): which
// Accept headers admit JSON, and that 404 and 405 still win over 406 while the handler never runs
// for an unacceptable request.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/api/rest/http-io.js';
import { acceptsJson, Router } from '../../../src/api/rest/router.js';

describe('acceptsJson', () => {
  it.each([
    [undefined],
    [''],
    ['application/json'],
    ['Application/JSON; charset=utf-8'],
    ['*/*'],
    ['application/*'],
    ['*'],
    ['text/plain, application/json'],
    ['text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2'],
    ['text/plain;q=0.9, application/json;q=0.1'],
    // Jersey matches a range whatever its q, 0 included.
    ['application/json;q=0'],
  ])('admits %s', (accept) => {
    expect(acceptsJson(accept)).toBe(true);
  });

  it.each([['text/plain'], ['text/*'], ['application/xml, text/html'], ['application/vnd.kafka+json']])('rules out %s', (accept) => {
    expect(acceptsJson(accept)).toBe(false);
  });
});

describe('Router content negotiation', () => {
  function run(router: Router, method: string, path: string, accept: string | undefined): unknown {
    const { handler, params } = router.match(method, path);
    const request = { headers: accept === undefined ? {} : { accept } } as IncomingMessage;
    return handler({ params, query: new URLSearchParams(), request, response: {} as ServerResponse, baseUrl: 'http://localhost' });
  }

  it('answers 406 with Jersey\'s message before the handler runs', () => {
    let ran = 0;
    const router = new Router().add('GET', '/connectors', () => void ran++);
    let thrown: unknown;
    try {
      run(router, 'GET', '/connectors', 'text/plain');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 406, message: 'HTTP 406 Not Acceptable' });
    expect(ran).toBe(0);
    run(router, 'GET', '/connectors/', 'application/json');
    run(router, 'GET', '/connectors', undefined);
    expect(ran).toBe(2);
  });

  it('keeps 404 and 405 ahead of 406, as Jersey matches the path and method first', () => {
    const router = new Router().add('GET', '/connectors', () => undefined);
    expect(() => run(router, 'GET', '/nothing', 'text/plain')).toThrow('HTTP 404 Not Found');
    expect(() => run(router, 'DELETE', '/connectors', 'text/plain')).toThrow('HTTP 405 Method Not Allowed');
  });

  it('answers 415 rather than 406 when the Content-Type is not JSON either, as Jersey checks it first', () => {
    const router = new Router().add('POST', '/connectors', () => undefined);
    const call = (headers: Record<string, string>): unknown => {
      const { handler, params } = router.match('POST', '/connectors');
      return handler({ params, query: new URLSearchParams(), request: { headers } as IncomingMessage, response: {} as ServerResponse, baseUrl: 'http://localhost' });
    };
    expect(() => call({ accept: 'text/plain', 'content-type': 'text/plain' })).toThrow('HTTP 415 Unsupported Media Type');
    expect(() => call({ accept: 'text/plain', 'content-type': 'application/json; charset=utf-8' })).toThrow('HTTP 406 Not Acceptable');
  });
});
