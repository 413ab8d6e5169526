// PluginCatalog over in-memory plugins: resolution by full class name, simple name, simple name
// without "Connector", and manifest aliases; Kafka's messages for an ambiguous alias and an unknown
// class; the first plugin wins a duplicate class; connectors() lists sinks then sources, each in
// Kafka's (Java String.compareTo) class-name order.

import { describe, expect, it } from 'vitest';
import { ConnectorClassNotFoundError, PluginCatalog } from '../../../src/plugin/plugin-catalog.js';
import type { ConnectorDeclaration, DiscoveredPlugin } from '../../../src/plugin/plugin-manifest.js';

function plugin(name: string, connectors: Array<Partial<ConnectorDeclaration> & { className: string }>, version = '1.0.0'): DiscoveredPlugin {
  return {
    directory: `/plugins/${name}`,
    manifest: {
      name,
      version,
      description: '',
      language: 'typescript',
      protocolVersions: [1],
      command: ['node', 'main.js'],
      env: {},
      connectors: connectors.map((c) => ({ aliases: [], type: 'source', ...c })),
    },
  };
}

const FILE = plugin('file', [
  { className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source' },
  { className: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'sink', aliases: ['files-out'] },
]);
const JDBC = plugin('jdbc', [{ className: 'io.confluent.connect.jdbc.JdbcSinkConnector', type: 'sink' }], '10.7.0');

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorClassNotFoundError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('PluginCatalog.resolve', () => {
  const catalog = new PluginCatalog([FILE, JDBC]);

  it('finds a class by its full name, with its plugin, type and the plugin version', () => {
    const found = catalog.resolve('io.confluent.connect.jdbc.JdbcSinkConnector');
    expect(found).toEqual({ plugin: JDBC, className: 'io.confluent.connect.jdbc.JdbcSinkConnector', type: 'sink', version: '10.7.0' });
  });

  it.each([
    ['FileStreamSourceConnector', 'org.apache.kafka.connect.file.FileStreamSourceConnector'],
    ['FileStreamSource', 'org.apache.kafka.connect.file.FileStreamSourceConnector'],
    ['FileStreamSink', 'org.apache.kafka.connect.file.FileStreamSinkConnector'],
    ['files-out', 'org.apache.kafka.connect.file.FileStreamSinkConnector'],
    ['JdbcSink', 'io.confluent.connect.jdbc.JdbcSinkConnector'],
  ])('finds %s', (alias, className) => {
    expect(catalog.resolve(alias).className).toBe(className);
  });

  it('is case-sensitive, as Java class names are', () => {
    expect(() => catalog.resolve('filestreamsource')).toThrow(ConnectorClassNotFoundError);
  });

  it('does not strip a suffix other than Connector, nor make "" an alias of a class named Connector', () => {
    const odd = new PluginCatalog([plugin('odd', [{ className: 'x.Connector' }, { className: 'x.MySource' }])]);
    expect(odd.resolve('Connector').className).toBe('x.Connector');
    expect(() => odd.resolve('')).toThrow(ConnectorClassNotFoundError);
    expect(() => odd.resolve('My')).toThrow(ConnectorClassNotFoundError);
  });

  it('answers an unknown class with Kafka message listing sinks then sources', () => {
    expect(messageOf(() => catalog.resolve('com.example.Nope'))).toBe(
      'Failed to find any class that implements Connector and which name matches com.example.Nope, available connectors are: ' +
        'io.confluent.connect.jdbc.JdbcSinkConnector, org.apache.kafka.connect.file.FileStreamSinkConnector, org.apache.kafka.connect.file.FileStreamSourceConnector',
    );
  });

  it('lists no connectors in the message of an empty catalog', () => {
    expect(messageOf(() => new PluginCatalog([]).resolve('X'))).toBe('Failed to find any class that implements Connector and which name matches X, available connectors are: ');
  });
});

describe('PluginCatalog ambiguity', () => {
  const a = plugin('a', [{ className: 'com.a.MirrorSourceConnector', aliases: ['Mirror'] }]);
  const b = plugin('b', [{ className: 'com.b.MirrorSourceConnector', type: 'source', aliases: ['Mirror'] }]);
  const catalog = new PluginCatalog([a, b]);

  it.each(['MirrorSourceConnector', 'MirrorSource', 'Mirror'])('refuses the shared alias %s, naming both classes', (alias) => {
    expect(messageOf(() => catalog.resolve(alias))).toBe(
      `More than one connector matches alias ${alias}. Please use full package and class name instead. Classes found: com.a.MirrorSourceConnector, com.b.MirrorSourceConnector`,
    );
  });

  it('still resolves each class by its full name', () => {
    expect(catalog.resolve('com.b.MirrorSourceConnector').plugin).toBe(b);
  });

  it('prefers an exact class name over an alias of the same text', () => {
    const shadow = new PluginCatalog([plugin('p', [{ className: 'pkg.Thing' }, { className: 'other.X', aliases: ['pkg.Thing'] }])]);
    expect(shadow.resolve('pkg.Thing').className).toBe('pkg.Thing');
  });

  it('keeps the first plugin that declares a class and does not count the duplicate as ambiguous', () => {
    const first = plugin('first', [{ className: 'com.x.DupSourceConnector' }], '1');
    const second = plugin('second', [{ className: 'com.x.DupSourceConnector' }], '2');
    const dup = new PluginCatalog([first, second]);
    expect(dup.resolve('com.x.DupSourceConnector').plugin).toBe(first);
    expect(dup.resolve('DupSource')).toMatchObject({ plugin: first, version: '1' });
    expect(dup.connectors()).toHaveLength(1);
    expect(dup.plugins).toEqual([first, second]);
  });

  it('does not make an alias ambiguous when a manifest repeats the simple name', () => {
    const repeat = new PluginCatalog([plugin('r', [{ className: 'r.RSinkConnector', type: 'sink', aliases: ['RSinkConnector', 'RSink', 'RSink'] }])]);
    expect(repeat.resolve('RSink').className).toBe('r.RSinkConnector');
  });
});

describe('PluginCatalog.connectors', () => {
  it('lists sinks, then sources, each sorted by class name', () => {
    const catalog = new PluginCatalog([
      plugin('p1', [
        { className: 'org.z.ZSourceConnector', type: 'source' },
        { className: 'org.b.BSinkConnector', type: 'sink' },
      ]),
      plugin('p2', [
        { className: 'org.a.ASourceConnector', type: 'source' },
        { className: 'org.y.YSinkConnector', type: 'sink' },
      ]),
    ]);
    expect(catalog.connectors().map((c) => `${c.type}:${c.className}`)).toEqual([
      'sink:org.b.BSinkConnector',
      'sink:org.y.YSinkConnector',
      'source:org.a.ASourceConnector',
      'source:org.z.ZSourceConnector',
    ]);
  });

  it('sorts by UTF-16 code unit like Java String.compareTo (upper case before lower case), whatever the locale', () => {
    const catalog = new PluginCatalog([
      plugin('p', [
        { className: 'com.acme.aSourceConnector' },
        { className: 'com.acme.ZSourceConnector' },
        { className: 'com.Acme.MSourceConnector' },
        { className: 'com.acme_x.BSourceConnector' },
      ]),
    ]);
    expect(catalog.connectors().map((c) => c.className)).toEqual([
      'com.Acme.MSourceConnector',
      'com.acme.ZSourceConnector',
      'com.acme.aSourceConnector',
      'com.acme_x.BSourceConnector',
    ]);
  });
});
