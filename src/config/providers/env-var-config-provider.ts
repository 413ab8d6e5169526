// EnvVarConfigProvider (org.apache.kafka.common.config.provider.EnvVarConfigProvider):
// `${env:NAME}` is the worker's environment variable NAME, as it was when the worker started.
// Parameter: `allowlist.pattern`, a regular expression the whole variable name must match
// (default: every variable). A path (`${env:x:NAME}`) is an error, as in Kafka. Unlike Kafka, a
// variable that is unset or not allowed is an error rather than a placeholder left as written.

import { ConfigProviderLookupError, providerConfigException, type ConfigProvider, type ConfigProviderParams } from './config-provider.js';

export class EnvVarConfigProvider implements ConfigProvider {
  static readonly className = 'org.apache.kafka.common.config.provider.EnvVarConfigProvider';
  readonly #env: ReadonlyMap<string, string>;
  readonly #pattern: RegExp | undefined;
  readonly #patternText: string | undefined;

  constructor(name: string, params: ConfigProviderParams, env: Readonly<Record<string, string | undefined>> = process.env) {
    this.#patternText = params['allowlist.pattern'];
    if (this.#patternText !== undefined) {
      try {
        // Java's Matcher.matches(): the whole name must match.
        this.#pattern = new RegExp(`^(?:${this.#patternText})$`);
      } catch (error) {
        throw providerConfigException(name, 'allowlist.pattern', this.#patternText, (error as Error).message);
      }
    }
    this.#env = new Map(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }

  get(path: string, keys: ReadonlySet<string>): Map<string, string> {
    if (path !== '') throw new ConfigProviderLookupError(`a path is not supported for EnvVarConfigProvider, invalid value '${path}' (expected \${env:NAME})`);
    const result = new Map<string, string>();
    for (const key of keys) {
      const value = this.#env.get(key);
      if (value !== undefined && this.#allowed(key)) result.set(key, value);
    }
    return result;
  }

  describeMissing(_path: string, key: string): string {
    if (this.#env.has(key) && !this.#allowed(key)) return `the environment variable ${key} does not match allowlist.pattern (${this.#patternText})`;
    return `the environment variable ${key} is not set`;
  }

  #allowed(key: string): boolean {
    return this.#pattern === undefined || this.#pattern.test(key);
  }
}
