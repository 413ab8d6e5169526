// DirectoryConfigProvider (org.apache.kafka.common.config.provider.DirectoryConfigProvider):
// `${directory:/path/to/dir:name}` is the whole content (UTF-8, kept byte for byte, a trailing
// newline included, as Kafka keeps it) of the regular file `name` in that directory: the shape
// of a Kubernetes secret mounted as a volume. Symlinks to regular files count as regular files
// (Java's Files.isRegularFile follows them too). Parameter: `allowed.paths`.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AllowedPaths } from './allowed-paths.js';
import { ConfigProviderLookupError, type ConfigProvider, type ConfigProviderParams } from './config-provider.js';
import { errorReason } from './file-config-provider.js';

export class DirectoryConfigProvider implements ConfigProvider {
  static readonly className = 'org.apache.kafka.common.config.provider.DirectoryConfigProvider';
  readonly #allowedPaths: AllowedPaths;

  constructor(name: string, params: ConfigProviderParams) {
    this.#allowedPaths = new AllowedPaths(name, params['allowed.paths']);
  }

  get(path: string, keys: ReadonlySet<string>): Map<string, string> {
    const result = new Map<string, string>();
    if (path === '') throw new ConfigProviderLookupError('no directory given (expected ${directory:/path/to/dir:file})');
    const dir = this.#allowedPaths.parseUntrustedPath(path);
    if (dir === undefined) throw new ConfigProviderLookupError(`the path ${path} is not in allowed.paths (${this.#allowedPaths})`);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch (error) {
      throw new ConfigProviderLookupError(`could not read directory ${path}: ${errorReason(error)}`);
    }
    if (!isDirectory) throw new ConfigProviderLookupError(`the path ${path} is not a directory`);
    for (const key of keys) {
      // A key names a file in the directory itself: never a path that leads elsewhere.
      if (key === '' || key === '.' || key === '..' || key.includes('/') || key.includes('\\')) continue;
      const file = join(dir, key);
      try {
        if (!statSync(file).isFile()) continue;
        result.set(key, readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new ConfigProviderLookupError(`could not read file ${file}: ${errorReason(error)}`);
      }
    }
    return result;
  }

  describeMissing(path: string, key: string): string {
    return `the directory ${path} has no regular file named "${key}"`;
  }
}
