// Which tables the source copies and how they are spread over tasks.

import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../src/catalog.js';
import { checkDuplicateNames, encodeTables, filterTables, groupPartitions } from '../src/source/table-discovery.js';

const tables: TableInfo[] = [
  { schema: 'public', table: 'clients', type: 'TABLE' },
  { schema: 'public', table: 'orders', type: 'TABLE' },
  { schema: 'sales', table: 'orders', type: 'TABLE' },
  { schema: 'sales', table: 'regions', type: 'TABLE' },
];
const none = { whitelist: [], blacklist: [], includeList: [], excludeList: [] };
const names = (list: readonly TableInfo[]): string[] => list.map((t) => `${t.schema}.${t.table}`);

describe('filters', () => {
  it('whitelist and blacklist name tables bare, qualified or quoted', () => {
    expect(names(filterTables(tables, { ...none, whitelist: ['clients', 'sales.orders'] }))).toEqual(['public.clients', 'sales.orders']);
    expect(names(filterTables(tables, { ...none, whitelist: ['"sales"."regions"'] }))).toEqual(['sales.regions']);
    expect(names(filterTables(tables, { ...none, blacklist: ['orders'] }))).toEqual(['public.clients', 'sales.regions']);
    expect(filterTables(tables, none)).toHaveLength(4);
  });

  it('include and exclude lists are regular expressions on the whole schema.table', () => {
    expect(names(filterTables(tables, { ...none, includeList: ['sales\\..*'] }))).toEqual(['sales.orders', 'sales.regions']);
    expect(names(filterTables(tables, { ...none, includeList: ['.*'], excludeList: ['.*\\.orders'] }))).toEqual(['public.clients', 'sales.regions']);
    expect(filterTables(tables, { ...none, includeList: ['orders'] })).toEqual([]);
  });

  it('refuses two tables with the same name: they would share a topic', () => {
    expect(() => checkDuplicateNames(tables, none)).toThrow(/duplicate unqualified table names.*\[public\.orders, sales\.orders\]/s);
    expect(() => checkDuplicateNames(tables.slice(0, 2), none)).not.toThrow();
  });
});

describe('task assignment', () => {
  it('cuts tables into contiguous groups, the first ones one longer (ConnectorUtils.groupPartitions)', () => {
    expect(groupPartitions([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(groupPartitions([1, 2, 3, 4, 5], 3)).toEqual([[1, 2], [3, 4], [5]]);
    expect(groupPartitions([1], 1)).toEqual([[1]]);
  });

  it('hands tables to tasks as quoted names', () => {
    expect(encodeTables([{ schema: 'public', table: 'clients' }, { schema: 'public', table: 'orders' }])).toBe('"public"."clients","public"."orders"');
  });
});
