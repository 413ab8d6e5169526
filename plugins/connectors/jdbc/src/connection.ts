// One PostgreSQL connection with Confluent's CachedConnectionProvider behaviour: opened lazily,
// `connection.attempts` tries `connection.backoff.ms` apart, reopened after it broke. Sessions
// run with TimeZone=UTC and ISO dates, so that timestamptz values arrive as UTC text whatever the
// server's default (pgjdbc sets the JVM's zone; Connect workers run in UTC almost always).
//
// Also owns the error classification the tasks share: which failures may go away when retried
// (a lost or refused connection, a server shutting down, too many connections, serialization
// failures and deadlocks) and a readable one-line description of a pg error.

import pg from 'pg';
import { ConnectException, RetriableException, log } from '@polyconnect/sdk';
import type { PgConnectionOptions } from './connection-url.js';

export type PgClient = pg.Client;

export interface ConnectionProviderOptions {
  readonly connection: PgConnectionOptions;
  /** connection.attempts (at least 1). */
  readonly attempts: number;
  /** connection.backoff.ms */
  readonly backoffMs: number;
}

export class ConnectionProvider {
  readonly #options: ConnectionProviderOptions;
  #client: pg.Client | undefined;
  #broken = false;
  #closed = false;
  #wake: (() => void) | undefined;

  constructor(options: ConnectionProviderOptions) {
    this.#options = options;
  }

  get description(): string {
    return this.#options.connection.description;
  }

  /** The open connection, or a new one; throws ConnectException after the last failed attempt. */
  async get(): Promise<pg.Client> {
    if (this.#client !== undefined && !this.#broken) return this.#client;
    await this.close();
    this.#closed = false;
    const { attempts, backoffMs } = this.#options;
    for (let attempt = 1; ; attempt++) {
      try {
        this.#client = await connect(this.#options.connection, () => {
          this.#broken = true;
        });
        this.#broken = false;
        return this.#client;
      } catch (error) {
        if (attempt >= attempts || this.#closed) {
          const wrapped = isTransient(error) ? RetriableException : ConnectException;
          throw new wrapped(`Could not connect to ${this.description}: ${describeError(error)}`, { cause: error });
        }
        log.info(`Unable to connect to database on attempt ${attempt}/${attempts}. Will retry in ${backoffMs} ms.`, { error: describeError(error) });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffMs);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Marks the connection unusable (after an error that may have left it in a bad state). */
  invalidate(): void {
    this.#broken = true;
  }

  /** Closes the connection; a get() waiting between attempts gives up. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#wake?.();
    const client = this.#client;
    this.#client = undefined;
    if (client === undefined) return;
    await client.end().catch(() => undefined);
  }
}

/** Opens one connection and prepares its session. */
export async function connect(options: PgConnectionOptions, onBroken: () => void = () => undefined): Promise<pg.Client> {
  const client = new pg.Client(options.client);
  // Without a listener an idle connection's error would crash the plugin process.
  client.on('error', (error) => {
    onBroken();
    log.warn('The database connection failed', { error: describeError(error) });
  });
  client.on('end', onBroken);
  try {
    await client.connect();
    await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 3");
    if (options.currentSchema !== undefined && options.currentSchema !== '') {
      await client.query(`SET search_path TO ${options.currentSchema.split(',').map((s) => quoteIdentifier(s.trim())).join(', ')}`);
    }
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout expired/i, /not queryable/i, /connection error/i, /query read timeout/i, /Client was closed/i];

/** SQLSTATE of a pg DatabaseError, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Whether retrying may succeed: connection failures (SQLSTATE class 08, socket errors, pg's
 * "Connection terminated"), a server shutting down or not yet up (57P01-57P03), too many
 * connections or other missing resources (class 53), serialization failures and deadlocks (40001,
 * 40P01), lock timeouts (55P03). Data and constraint errors (classes 22, 23), bad SQL (42) and
 * the like are not.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof RetriableException) return true;
  const state = sqlState(error);
  if (state !== undefined) {
    return state.startsWith('08') || state.startsWith('53') || state.startsWith('57P') || state === '40001' || state === '40P01' || state === '55P03';
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** "message (SQLState: 23505, detail: ...)": what a user needs to find the cause. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: unknown; detail?: unknown; hint?: unknown; where?: unknown };
  const parts: string[] = [];
  const state = sqlState(error);
  if (state !== undefined) parts.push(`SQLState: ${state}`);
  else if (typeof e.code === 'string') parts.push(`code: ${e.code}`);
  if (typeof e.detail === 'string' && e.detail !== '') parts.push(`detail: ${e.detail}`);
  if (typeof e.hint === 'string' && e.hint !== '') parts.push(`hint: ${e.hint}`);
  return parts.length === 0 ? e.message : `${e.message} (${parts.join(', ')})`;
}
