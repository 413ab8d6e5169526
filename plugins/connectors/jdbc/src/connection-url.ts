// Turns Confluent's `connection.url` (a PostgreSQL JDBC URL, as pgjdbc reads it) plus
// `connection.user` / `connection.password` into options for the `pg` client.
//
// Accepted forms (pgjdbc's): jdbc:postgresql:db, jdbc:postgresql:/, jdbc:postgresql://host/db,
// jdbc:postgresql://host:port/db, jdbc:postgresql://[::1]:5432/db, several hosts
// (host1:p1,host2:p2/db: the first is used), each optionally followed by ?key=value&... with
// URL-encoded values. Defaults as pgjdbc's: host localhost, port 5432. Parameters in the URL win
// over connection.user / connection.password, as pgjdbc lets URL properties override the ones a
// program passes. Known parameters map to pg options (user, password, ssl/sslmode, sslrootcert,
// sslcert, sslkey, ApplicationName, options, currentSchema, connectTimeout, socketTimeout);
// parameters pg has no use for are ignored.

import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import { ConfigException } from '@polyconnect/sdk';

const PREFIX = 'jdbc:postgresql:';
const DEFAULT_HOST = 'localhost';
const DEFAULT_PORT = 5432;
/** pgjdbc's default connectTimeout, in seconds. */
const DEFAULT_CONNECT_TIMEOUT_S = 10;

export interface PostgresTarget {
  readonly host: string;
  readonly port: number;
  /** undefined: pg's default (the user name), as libpq and pgjdbc do. */
  readonly database: string | undefined;
  /** Every host of a multi-host URL, in order; only the first is used. */
  readonly hosts: ReadonlyArray<{ host: string; port: number }>;
  readonly parameters: Readonly<Record<string, string>>;
}

/** Parses the URL itself; throws ConfigException with the key's name for anything else. */
export function parseJdbcUrl(url: string, key = 'connection.url'): PostgresTarget {
  const text = url.trim();
  if (text === '') throw ConfigException.missing(key);
  if (!text.toLowerCase().startsWith(PREFIX)) {
    throw ConfigException.invalidValue(key, url, `Polyconnect's JDBC connectors support PostgreSQL only: the URL must start with ${PREFIX}`);
  }
  let rest = text.slice(PREFIX.length);
  let query = '';
  const questionMark = rest.indexOf('?');
  if (questionMark >= 0) {
    query = rest.slice(questionMark + 1);
    rest = rest.slice(0, questionMark);
  }
  const parameters = parseQuery(query, key, url);
  let hosts: Array<{ host: string; port: number }> = [{ host: DEFAULT_HOST, port: DEFAULT_PORT }];
  let database: string | undefined;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    const path = slash === -1 ? '' : rest.slice(slash + 1);
    hosts = authority === '' ? hosts : authority.split(',').map((entry) => parseHost(entry, key, url));
    database = path === '' ? undefined : decode(path, key, url);
  } else if (rest.startsWith('/')) {
    database = rest.length > 1 ? decode(rest.slice(1), key, url) : undefined;
  } else {
    database = rest === '' ? undefined : decode(rest, key, url);
  }
  const first = hosts[0]!;
  return { host: first.host, port: first.port, database, hosts, parameters };
}

function parseHost(entry: string, key: string, url: string): { host: string; port: number } {
  let host = entry;
  let portText = '';
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close === -1) throw ConfigException.invalidValue(key, url, `Bad IPv6 host "${entry}"`);
    host = entry.slice(1, close);
    const after = entry.slice(close + 1);
    if (after.startsWith(':')) portText = after.slice(1);
  } else {
    const colon = entry.lastIndexOf(':');
    if (colon >= 0) {
      host = entry.slice(0, colon);
      portText = entry.slice(colon + 1);
    }
  }
  let port = DEFAULT_PORT;
  if (portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw ConfigException.invalidValue(key, url, `Bad port "${portText}"`);
    }
    port = Number(portText);
  }
  return { host: host === '' ? DEFAULT_HOST : host, port };
}

function parseQuery(query: string, key: string, url: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals === -1 ? pair : pair.slice(0, equals), key, url);
    parameters[name] = equals === -1 ? '' : decode(pair.slice(equals + 1), key, url);
  }
  return parameters;
}

function decode(text: string, key: string, url: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw ConfigException.invalidValue(key, url, `Bad URL encoding in "${text}"`);
  }
}

export interface ConnectionSettings {
  readonly url: string;
  readonly user: string | null;
  readonly password: string | null;
}

/** What a connection needs beyond ClientConfig: session settings applied after connecting. */
export interface PgConnectionOptions {
  readonly client: ClientConfig;
  /** pgjdbc's currentSchema: becomes the session's search_path. */
  readonly currentSchema: string | undefined;
  /** Text for logs: the URL with passwords masked (as Confluent's sanitizedUrl). */
  readonly description: string;
}

export function pgConnectionOptions(settings: ConnectionSettings): PgConnectionOptions {
  const target = parseJdbcUrl(settings.url);
  const p = target.parameters;
  const user = p['user'] ?? settings.user ?? undefined;
  const password = p['password'] ?? settings.password ?? undefined;
  const client: ClientConfig = {
    host: target.host,
    port: target.port,
    keepAlive: true,
    connectionTimeoutMillis: seconds(p['connectTimeout'] ?? p['loginTimeout'], DEFAULT_CONNECT_TIMEOUT_S) * 1000,
    application_name: p['ApplicationName'] ?? p['applicationName'] ?? 'polyconnect-jdbc',
  };
  if (target.database !== undefined) client.database = target.database;
  if (user !== undefined && user !== '') client.user = user;
  if (password !== undefined) client.password = password;
  if (p['options'] !== undefined) client.options = p['options'];
  const socketTimeout = seconds(p['socketTimeout'], 0);
  if (socketTimeout > 0) client.query_timeout = socketTimeout * 1000;
  const ssl = sslOptions(p);
  if (ssl !== undefined) client.ssl = ssl;
  return { client, currentSchema: p['currentSchema'], description: sanitizedUrl(settings.url) };
}

function seconds(text: string | undefined, fallback: number): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) return fallback;
  return Number(text.trim());
}

/** pgjdbc: ssl=true means verify-full unless sslmode says otherwise; sslmode=disable|allow|prefer|require|verify-ca|verify-full. */
function sslOptions(p: Readonly<Record<string, string>>): ClientConfig['ssl'] {
  const mode = (p['sslmode'] ?? (p['ssl'] === 'true' || p['ssl'] === '' ? 'verify-full' : 'disable')).toLowerCase();
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return undefined;
  const options: Record<string, unknown> = { rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full' };
  if (mode === 'verify-ca') options['checkServerIdentity'] = () => undefined;
  if (p['sslrootcert'] !== undefined) options['ca'] = readFileSync(p['sslrootcert'], 'utf8');
  if (p['sslcert'] !== undefined) options['cert'] = readFileSync(p['sslcert'], 'utf8');
  if (p['sslkey'] !== undefined) options['key'] = readFileSync(p['sslkey'], 'utf8');
  return options;
}

/** The URL with the value of every parameter whose name contains "password" masked. */
export function sanitizedUrl(url: string): string {
  return url.replace(/([?&]([^=&]*)password([^=&]*)=)[^&]*/gi, '$1****');
}
