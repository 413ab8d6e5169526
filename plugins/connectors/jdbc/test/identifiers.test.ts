// Table identifiers as Confluent parses and quotes them for PostgreSQL.

import { describe, expect, it } from 'vitest';
import { compareTableIds, parseQualifiedIdentifier, parseTableId, tableSql, unquotedName } from '../src/identifiers.js';

describe('identifiers', () => {
  it('splits on dots outside quotes, and drops the database part', () => {
    expect(parseQualifiedIdentifier('a.b.c')).toEqual(['a', 'b', 'c']);
    expect(parseQualifiedIdentifier('"a.b"."c""d"')).toEqual(['a.b', 'c"d']);
    expect(parseTableId('db.public.clients')).toEqual({ schema: 'public', table: 'clients' });
    expect(parseTableId('postgres.clients')).toEqual({ schema: 'postgres', table: 'clients' });
    expect(parseTableId('Clients', 'never')).toEqual({ schema: null, table: 'clients' });
    expect(() => parseQualifiedIdentifier('a.')).toThrow('ends in delimiter');
  });

  it('quotes for SQL and names for offsets', () => {
    expect(tableSql({ schema: 'public', table: 'my"t' })).toBe('"public"."my""t"');
    expect(tableSql({ schema: null, table: 't' }, 'never')).toBe('t');
    expect(unquotedName({ schema: 'public', table: 'clients' })).toBe('public.clients');
  });

  it('orders by table name, then schema', () => {
    const ids = [{ schema: 'b', table: 'x' }, { schema: 'a', table: 'y' }, { schema: 'a', table: 'x' }, { schema: null, table: 'x' }];
    expect(ids.sort(compareTableIds)).toEqual([{ schema: null, table: 'x' }, { schema: 'a', table: 'x' }, { schema: 'b', table: 'x' }, { schema: 'a', table: 'y' }]);
  });
});
