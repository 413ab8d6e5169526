// FileConfigProvider (org.apache.kafka.common.config.provider.FileConfigProvider):
// `${file:/path/to/file.properties:key}` is the value of `key` in that Java properties file.
// Parameter: `allowed.paths`. Unlike Kafka, which leaves the placeholder as written when the file
// is outside allowed.paths or lacks the key, every such case is an error naming the file and key.

import { readFileSync } from 'node:fs';
import { PropertiesSyntaxError, parseProperties } from '../properties.js';
import { AllowedPaths } from './allowed-paths.js';
import { ConfigProviderLookupError, type ConfigProvider, type ConfigProviderParams } from './config-provider.js';

export class FileConfigProvider implements ConfigProvider {
  static readonly className = 'org.apache.kafka.common.config.provider.FileConfigProvider';
  readonly #allowedPaths: AllowedPaths;

  constructor(name: string, params: ConfigProviderParams) {
    this.#allowedPaths = new AllowedPaths(name, params['allowed.paths']);
  }

  get(path: string, keys: ReadonlySet<string>): Map<string, string> {
    const result = new Map<string, string>();
    if (path === '') throw new ConfigProviderLookupError('no file given (expected ${file:/path/to/file.properties:key})');
    const filePath = this.#allowedPaths.parseUntrustedPath(path);
    if (filePath === undefined) throw new ConfigProviderLookupError(`the path ${path} is not in allowed.paths (${this.#allowedPaths})`);
    let properties: Record<string, string>;
    try {
      properties = parseProperties(readFileSync(filePath, 'utf8'), filePath);
    } catch (error) {
      throw new ConfigProviderLookupError(`could not read properties from file ${path}: ${errorReason(error)}`);
    }
    for (const key of keys) if (Object.hasOwn(properties, key)) result.set(key, properties[key]!);
    return result;
  }

  describeMissing(path: string, key: string): string {
    return `the file ${path} has no key "${key}"`;
  }
}

/** Why a file could not be read: an fs error's code, or the line a properties parse failed on (never its text). */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
  if (error instanceof PropertiesSyntaxError) return `not a valid properties file (${/line \d+/.exec(error.message)?.[0] ?? 'syntax error'})`;
  return error instanceof Error ? error.name : 'unknown error';
}
