// AllowedPaths: the `allowed.paths` parameter of the file and directory providers (Kafka's
// org.apache.kafka.common.config.internals.AllowedPaths). Each allowed path must be absolute and
// exist when the worker starts. A placeholder's path is normalised (".." resolved lexically,
// symlinks are not followed, as in Java's Path.normalize) and must lie under one of them, compared
// path segment by path segment; without `allowed.paths` every path is allowed, relative paths
// being read from the worker's working directory.

import { existsSync } from 'node:fs';
import { isAbsolute, normalize, sep } from 'node:path';
import { providerConfigException } from './config-provider.js';

export class AllowedPaths {
  readonly #paths: string[] | undefined;

  /** `value` is the comma-separated `allowed.paths` setting (undefined or "": everything allowed). */
  constructor(providerName: string, value: string | undefined) {
    if (value === undefined || value.trim() === '') {
      this.#paths = undefined;
      return;
    }
    this.#paths = value.split(',').map((entry) => {
      const path = normalize(entry.trim());
      if (!isAbsolute(path)) throw providerConfigException(providerName, 'allowed.paths', value, `Path ${path} is not absolute`);
      if (!existsSync(path)) throw providerConfigException(providerName, 'allowed.paths', value, `Path ${path} does not exist`);
      return stripTrailingSeparator(path);
    });
  }

  get restricted(): boolean {
    return this.#paths !== undefined;
  }

  /** The path to read, or undefined when it lies outside every allowed path. */
  parseUntrustedPath(path: string): string | undefined {
    if (this.#paths === undefined) return path;
    const normalised = stripTrailingSeparator(normalize(path));
    const allowed = this.#paths.some((root) => normalised === root || normalised.startsWith(root === sep ? root : `${root}${sep}`));
    return allowed ? normalised : undefined;
  }

  toString(): string {
    return this.#paths === undefined ? '(any)' : this.#paths.join(',');
  }
}

function stripTrailingSeparator(path: string): string {
  return path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
}
