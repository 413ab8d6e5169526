// connection.url: pgjdbc's URL forms become pg client options; URL parameters win over
// connection.user / connection.password; passwords never reach logs.

import { describe, expect, it } from 'vitest';
import { parseJdbcUrl, pgConnectionOptions, sanitizedUrl } from '../src/connection-url.js';

describe('parseJdbcUrl', () => {
  it('reads host, port and database, with pgjdbc\'s defaults', () => {
    expect(parseJdbcUrl('jdbc:postgresql://db.example:6543/sales')).toMatchObject({ host: 'db.example', port: 6543, database: 'sales' });
    expect(parseJdbcUrl('jdbc:postgresql://localhost/db')).toMatchObject({ host: 'localhost', port: 5432, database: 'db' });
    expect(parseJdbcUrl('jdbc:postgresql:db')).toMatchObject({ host: 'localhost', port: 5432, database: 'db' });
    expect(parseJdbcUrl('jdbc:postgresql:/')).toMatchObject({ host: 'localhost', port: 5432, database: undefined });
    expect(parseJdbcUrl('jdbc:postgresql://host:1/')).toMatchObject({ host: 'host', port: 1, database: undefined });
  });

  it('reads IPv6 hosts, several hosts (the first is used) and decoded parameters', () => {
    expect(parseJdbcUrl('jdbc:postgresql://[::1]:5740/accounting')).toMatchObject({ host: '::1', port: 5740, database: 'accounting' });
    const multi = parseJdbcUrl('jdbc:postgresql://a:1,b:2/db?targetServerType=primary');
    expect(multi).toMatchObject({ host: 'a', port: 1, hosts: [{ host: 'a', port: 1 }, { host: 'b', port: 2 }] });
    expect(parseJdbcUrl('jdbc:postgresql://h/d?user=me&password=p%40ss%26w&ssl').parameters).toEqual({ user: 'me', password: 'p@ss&w', ssl: '' });
  });

  it('refuses other databases and bad ports with the key in the message', () => {
    expect(() => parseJdbcUrl('jdbc:mysql://localhost/db')).toThrow('Invalid value jdbc:mysql://localhost/db for configuration connection.url: Polyconnect\'s JDBC connectors support PostgreSQL only');
    expect(() => parseJdbcUrl('jdbc:postgresql://h:99999/db')).toThrow('Bad port "99999"');
    expect(() => parseJdbcUrl('')).toThrow('Missing required configuration "connection.url"');
  });
});

describe('pgConnectionOptions', () => {
  it('takes user and password from the keys unless the URL has them', () => {
    const fromKeys = pgConnectionOptions({ url: 'jdbc:postgresql://h:5433/db', user: 'u', password: 'secret' });
    expect(fromKeys.client).toMatchObject({ host: 'h', port: 5433, database: 'db', user: 'u', password: 'secret', connectionTimeoutMillis: 10_000 });
    const fromUrl = pgConnectionOptions({ url: 'jdbc:postgresql://h/db?user=url-user&password=url-pw&connectTimeout=3&ApplicationName=app&currentSchema=sales', user: 'u', password: 'secret' });
    expect(fromUrl.client).toMatchObject({ user: 'url-user', password: 'url-pw', connectionTimeoutMillis: 3000, application_name: 'app' });
    expect(fromUrl.currentSchema).toBe('sales');
    expect(fromUrl.description).toBe('jdbc:postgresql://h/db?user=url-user&password=****&connectTimeout=3&ApplicationName=app&currentSchema=sales');
  });

  it('maps sslmode to TLS options', () => {
    expect(pgConnectionOptions({ url: 'jdbc:postgresql://h/db', user: null, password: null }).client.ssl).toBeUndefined();
    expect(pgConnectionOptions({ url: 'jdbc:postgresql://h/db?sslmode=require', user: null, password: null }).client.ssl).toEqual({ rejectUnauthorized: false });
    expect(pgConnectionOptions({ url: 'jdbc:postgresql://h/db?ssl=true', user: null, password: null }).client.ssl).toEqual({ rejectUnauthorized: true });
  });

  it('masks every password-like parameter', () => {
    expect(sanitizedUrl('jdbc:postgresql://h/db?password=x&sslpassword=y&user=z')).toBe('jdbc:postgresql://h/db?password=****&sslpassword=****&user=z');
  });
});
