// The queries of each mode, as Confluent's TimestampIncrementingCriteria builds them.

import { describe, expect, it } from 'vitest';
import { buildQuery, queryParameters, whereClause } from '../src/source/criteria.js';
import { Instant } from '../src/time.js';

const table = { schema: 'public', table: 'clients' };

describe('queries', () => {
  it('bulk selects everything, with the suffix', () => {
    expect(buildQuery({ table, incrementingColumn: null, timestampColumns: [], quote: 'always' }, null, 'FOR SHARE')).toBe('SELECT * FROM "public"."clients" FOR SHARE');
  });

  it('incrementing orders by the column', () => {
    expect(buildQuery({ table, incrementingColumn: 'id', timestampColumns: [], quote: 'always' }, null, '')).toBe(
      'SELECT * FROM "public"."clients" WHERE "public"."clients"."id" > $1 ORDER BY "public"."clients"."id" ASC',
    );
  });

  it('timestamp takes rows after the offset and before now - delay; several columns COALESCE', () => {
    expect(whereClause({ table, incrementingColumn: null, timestampColumns: ['modified_date'], quote: 'always' })).toBe(
      ' WHERE "public"."clients"."modified_date" > $1 AND "public"."clients"."modified_date" < $2 ORDER BY "public"."clients"."modified_date" ASC',
    );
    expect(whereClause({ table: null, incrementingColumn: null, timestampColumns: ['updated', 'created'], quote: 'never' })).toBe(
      ' WHERE COALESCE(updated,created) > $1 AND COALESCE(updated,created) < $2 ORDER BY COALESCE(updated,created) ASC',
    );
  });

  it('timestamp+incrementing combines both, as Confluent explains', () => {
    expect(whereClause({ table: null, incrementingColumn: 'id', timestampColumns: ['ts'], quote: 'always' })).toBe(
      ' WHERE "ts" < $1 AND (("ts" = $2 AND "id" > $3) OR "ts" > $2) ORDER BY "ts","id" ASC',
    );
  });

  it('a custom query gets the clause appended', () => {
    expect(buildQuery({ table: null, incrementingColumn: 'id', timestampColumns: [], quote: 'always' }, 'SELECT id, v FROM t', '')).toBe('SELECT id, v FROM t WHERE "id" > $1 ORDER BY "id" ASC');
  });

  it('binds timestamps as text with microseconds in db.timezone', () => {
    const values = { begin: new Instant(1_704_103_200, 123_456_000), end: new Instant(1_704_103_260, 0), lastIncrementing: 41 };
    expect(queryParameters({ table, incrementingColumn: 'id', timestampColumns: ['ts'], quote: 'always' }, values, 'UTC')).toEqual([
      '2024-01-01 10:01:00.000000+00:00',
      '2024-01-01 10:00:00.123456+00:00',
      '41',
    ]);
    expect(queryParameters({ table, incrementingColumn: null, timestampColumns: ['ts'], quote: 'always' }, values, 'America/New_York')).toEqual([
      '2024-01-01 05:00:00.123456-05:00',
      '2024-01-01 05:01:00.000000-05:00',
    ]);
    expect(queryParameters({ table, incrementingColumn: 'id', timestampColumns: [], quote: 'always' }, { ...values, lastIncrementing: -1 }, 'UTC')).toEqual(['-1']);
  });
});
