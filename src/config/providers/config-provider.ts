// ConfigProvider: where the values of `${provider:[path:]key}` placeholders come from (Kafka's
// org.apache.kafka.common.config.provider.ConfigProvider). A provider is configured once from the
// worker's `config.providers.<name>.param.*` keys and then asked, at connector or task start, for
// some keys at one path. It answers with the keys it has; a key it lacks is simply absent, and the
// caller (ConfigProviders) turns that into an error that names the placeholder, never a value.
//
// Providers read synchronously: they run only when a connector or task starts, read small files,
// and Worker.startTask is synchronous.

import { ConfigException } from '../../data/index.js';

export interface ConfigProvider {
  /**
   * The values of `keys` at `path` ("" when the placeholder has no path). Throws
   * ConfigProviderLookupError when the path cannot be read at all (missing file, not allowed).
   */
  get(path: string, keys: ReadonlySet<string>): Map<string, string>;
  /** Why `key` is absent at `path`, for the error message (no value may appear in it). */
  describeMissing(path: string, key: string): string;
}

/** A provider could not read `path` (the message names the path and the reason, never a value). */
export class ConfigProviderLookupError extends Error {
  override name = 'ConfigProviderLookupError';
}

/** The `param.*` settings of one provider, with the prefix removed. */
export type ConfigProviderParams = Readonly<Record<string, string>>;

export function providerConfigException(providerName: string, key: string, value: string, reason: string): ConfigException {
  return ConfigException.invalidValue(`config.providers.${providerName}.param.${key}`, value, reason);
}
