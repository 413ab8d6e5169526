// Proves test/support/postgres.ts gives a usable throwaway cluster: SQL works, logical decoding is
// enabled (wal_level=logical), and stop() removes the cluster's files.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from '../support/postgres.js';

describe('startPostgres', () => {
  it('starts a cluster with wal_level=logical that accepts SQL, and stop() removes it', async () => {
    const server = await startPostgres();
    try {
      const client = new pg.Client({ connectionString: server.connectionString });
      await client.connect();
      try {
        await client.query('CREATE TEMP TABLE items (id int PRIMARY KEY, name text NOT NULL)');
        await client.query("INSERT INTO items VALUES (1, 'one'), (2, 'two')");
        const { rows } = await client.query<{ id: number; name: string }>('SELECT id, name FROM items ORDER BY id');
        expect(rows).toEqual([
          { id: 1, name: 'one' },
          { id: 2, name: 'two' },
        ]);
        const wal = await client.query<{ wal_level: string }>('SHOW wal_level');
        expect(wal.rows[0]?.wal_level).toBe('logical');
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
    // A cluster taken from PG* env vars has no dir of its own and is left alone.
    if (server.dataDir !== undefined) expect(existsSync(server.dataDir)).toBe(false);
  });
});
