// checkConnectorConfig with a PluginCatalog of in-memory plugins: the missing connector.class 400,
// the unknown/ambiguous class 500 with Kafka's message, name and tasks.max errors, the sink topics
// rules, and the exact "Connector configuration is invalid ..." message listing every error.

import { describe, expect, it } from 'vitest';
import { checkConnectorConfig } from '../../../src/herder/connector-config-check.js';
import { BadRequestError, HerderError } from '../../../src/herder/herder-errors.js';
import { PluginCatalog } from '../../../src/plugin/plugin-catalog.js';
import type { DiscoveredPlugin } from '../../../src/plugin/plugin-manifest.js';

const FILE_PLUGIN: DiscoveredPlugin = {
  directory: '/plugins/file',
  manifest: {
    name: 'file',
    version: '0.1.0',
    description: '',
    language: 'typescript',
    protocolVersions: [1],
    command: ['node', 'dist/main.js'],
    env: {},
    connectors: [
      { className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', aliases: [], type: 'source' },
      { className: 'org.apache.kafka.connect.file.FileStreamSinkConnector', aliases: [], type: 'sink' },
    ],
  },
};
const OTHER_PLUGIN: DiscoveredPlugin = {
  directory: '/plugins/other',
  manifest: { ...FILE_PLUGIN.manifest, name: 'other', connectors: [{ className: 'com.other.FileStreamSinkConnector', aliases: [], type: 'sink' }] },
};

const catalog = new PluginCatalog([FILE_PLUGIN]);
const SOURCE = { name: 'src', 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 't' };
const SINK = { name: 'snk', 'connector.class': 'FileStreamSink', file: '/tmp/out.txt', topics: 't' };

const FOOTER = 'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`';

function errorOf(name: string, config: Record<string, string>, against = catalog): HerderError {
  try {
    checkConnectorConfig(name, config, against);
  } catch (error) {
    expect(error).toBeInstanceOf(HerderError);
    return error as HerderError;
  }
  throw new Error('expected checkConnectorConfig to throw');
}

function invalid(...errors: string[]): string {
  return `Connector configuration is invalid and contains the following ${errors.length} error(s):\n${errors.join('\n')}\n${FOOTER}`;
}

describe('checkConnectorConfig: valid configs', () => {
  it('resolves the connector class and defaults tasks.max to 1', () => {
    const checked = checkConnectorConfig('src', SOURCE, catalog);
    expect(checked.plugin.className).toBe('org.apache.kafka.connect.file.FileStreamSourceConnector');
    expect(checked.plugin.plugin).toBe(FILE_PLUGIN);
    expect(checked.tasksMax).toBe(1);
  });

  it('reads tasks.max, trimming whitespace, and trims connector.class', () => {
    expect(checkConnectorConfig('src', { ...SOURCE, 'tasks.max': ' 4 ', 'connector.class': ' FileStreamSource ' }, catalog).tasksMax).toBe(4);
  });

  it('accepts a leading + in tasks.max, as Java Integer.parseInt does', () => {
    expect(checkConnectorConfig('src', { ...SOURCE, 'tasks.max': '+2' }, catalog).tasksMax).toBe(2);
  });

  it('accepts a sink with topics.regex instead of topics', () => {
    const { topics: _topics, ...rest } = SINK;
    expect(checkConnectorConfig('snk', { ...rest, 'topics.regex': 'orders-.*' }, catalog).plugin.type).toBe('sink');
  });

  it('does not ask a source for topics', () => {
    expect(checkConnectorConfig('src', { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector' }, catalog).plugin.type).toBe('source');
  });
});

describe('checkConnectorConfig: connector class', () => {
  it('answers a missing connector.class with 400 and the config in Java Map form', () => {
    const error = errorOf('x', { name: 'x', 'tasks.max': '1' });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.httpStatus).toBe(400);
    expect(error.message).toBe('Connector config {name=x, tasks.max=1} contains no connector type');
  });

  it('treats a blank connector.class as missing', () => {
    expect(errorOf('x', { 'connector.class': '  ' }).message).toBe('Connector config {connector.class=  } contains no connector type');
    expect(errorOf('x', {}).message).toBe('Connector config {} contains no connector type');
  });

  it('answers an unknown class with 500 and Kafka message, before any other check', () => {
    const error = errorOf('', { 'connector.class': 'com.example.Nope', 'tasks.max': 'zero' });
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect(error.httpStatus).toBe(500);
    expect(error.message).toBe(
      'Failed to find any class that implements Connector and which name matches com.example.Nope, available connectors are: ' +
        'org.apache.kafka.connect.file.FileStreamSinkConnector, org.apache.kafka.connect.file.FileStreamSourceConnector',
    );
  });

  it('answers an ambiguous alias with 500', () => {
    const error = errorOf('snk', SINK, new PluginCatalog([FILE_PLUGIN, OTHER_PLUGIN]));
    expect(error.httpStatus).toBe(500);
    expect(error.message).toMatch(/^More than one connector matches alias FileStreamSink\. Please use full package and class name instead\./);
  });
});

describe('checkConnectorConfig: name and tasks.max', () => {
  it('rejects an empty name', () => {
    const error = errorOf('  ', SOURCE);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(invalid('Invalid value  for configuration name: String may not be empty'));
  });

  it('rejects a name with control characters, listing their codes', () => {
    expect(errorOf('a\tb\u007f', SOURCE).message).toBe(invalid('Invalid value a\tb\u007f for configuration name: String may not contain control sequences but had the following ASCII chars: 9, 127'));
  });

  it.each(['abc', '1.5', '', '2147483648', '99999999999999999999'])('rejects tasks.max %j as not an INT', (value) => {
    const error = errorOf('src', { ...SOURCE, 'tasks.max': value });
    expect(error.httpStatus).toBe(400);
    expect(error.message).toBe(invalid(`Invalid value ${value} for configuration tasks.max: Not a number of type INT`));
  });

  it.each(['0', '-1', '-2147483648'])('rejects tasks.max %s as below 1', (value) => {
    expect(errorOf('src', { ...SOURCE, 'tasks.max': value }).message).toBe(invalid(`Invalid value ${value} for configuration tasks.max: Value must be at least 1`));
  });

  it('accepts the largest INT', () => {
    expect(checkConnectorConfig('src', { ...SOURCE, 'tasks.max': '2147483647' }, catalog).tasksMax).toBe(2147483647);
  });
});

describe('checkConnectorConfig: sink topics', () => {
  it('needs topics or topics.regex, blank counting as absent', () => {
    const { topics: _topics, ...rest } = SINK;
    expect(errorOf('snk', rest).message).toBe(invalid('Must configure one of topics or topics.regex'));
    expect(errorOf('snk', { ...rest, topics: ' ', 'topics.regex': '' }).message).toBe(invalid('Must configure one of topics or topics.regex'));
  });

  it('refuses both topics and topics.regex', () => {
    expect(errorOf('snk', { ...SINK, 'topics.regex': 't.*' }).message).toBe(invalid('topics and topics.regex are mutually exclusive options, but both are set.'));
  });

  it('refuses a topics.regex that is not a regular expression', () => {
    const { topics: _topics, ...rest } = SINK;
    const message = errorOf('snk', { ...rest, 'topics.regex': 'orders-(' }).message;
    expect(message).toMatch(/^Connector configuration is invalid and contains the following 1 error\(s\):\nInvalid value orders-\( for configuration topics\.regex: /);
    expect(message.endsWith(`\n${FOOTER}`)).toBe(true);
  });
});

describe('checkConnectorConfig: several errors', () => {
  it('lists every error, one per line, counted, in check order', () => {
    const error = errorOf('', { 'connector.class': 'FileStreamSink', 'tasks.max': '0' });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(
      'Connector configuration is invalid and contains the following 3 error(s):\n' +
        'Invalid value  for configuration name: String may not be empty\n' +
        'Invalid value 0 for configuration tasks.max: Value must be at least 1\n' +
        'Must configure one of topics or topics.regex\n' +
        'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    );
  });
});
