// Reads the connector configs given on the standalone command line, in either of Kafka's forms:
// a .properties file, or a .json file that is either {"name":..,"config":{..}} (the REST
// request body) or a flat {"name":..,"connector.class":..,...} map.

import { readFile } from 'node:fs/promises';
import { parseProperties } from './properties.js';

export interface ConnectorConfigFile {
  name: string;
  config: Record<string, string>;
}

export class ConnectorConfigFileError extends Error {
  override name = 'ConnectorConfigFileError';
}

export async function readConnectorConfigFile(path: string): Promise<ConnectorConfigFile> {
  const text = await readFile(path, 'utf8');
  const config = path.endsWith('.json') ? parseJsonConfig(text, path) : parseProperties(text, path);
  const name = config.name;
  if (name === undefined || name.trim() === '') throw new ConnectorConfigFileError(`${path}: the connector config has no "name"`);
  return { name: name.trim(), config };
}

function parseJsonConfig(text: string, path: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConnectorConfigFileError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConnectorConfigFileError(`${path}: expected a JSON object`);
  }
  const object = parsed as Record<string, unknown>;
  const wrapped = typeof object.config === 'object' && object.config !== null;
  const source = (wrapped ? object.config : object) as Record<string, unknown>;
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === null || typeof value === 'object') throw new ConnectorConfigFileError(`${path}: the value of "${key}" must be a string, number or boolean`);
    config[key] = String(value);
  }
  if (wrapped && typeof object.name === 'string') {
    if (config.name !== undefined && config.name !== object.name) {
      throw new ConnectorConfigFileError(`${path}: Connector name configuration (${config.name}) doesn't match connector name (${object.name})`);
    }
    config.name = object.name;
  }
  return config;
}
