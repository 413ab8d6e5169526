// ConfigProviders: the worker's `config.providers` (Kafka's keys and classes) and the resolution of
// `${provider:[path:]key}` placeholders in connector, task and worker configs.
//
//   config.providers=file,directory,env
//   config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
//   config.providers.file.param.allowed.paths=/etc/polyconnect/secrets
//
// Contract (docs/security.md has the user's side of it):
// - Connector and task configs are stored, returned by every API and logged (they never are) with
//   their placeholders as written. The Worker resolves them only when it starts a connector or a
//   task, just before the config goes to the plugin, and keeps the resolved map nowhere else.
// - Task configs a connector returns get its placeholders back (restorePlaceholders, Kafka's
//   AbstractHerder.reverseTransform) before they are stored.
// - A placeholder naming a provider that is not configured is left as written, as Kafka leaves it
//   (values may legitimately contain such text); the caller is told so it can warn.
// - A configured provider that cannot answer (missing file, key or variable, a path outside
//   allowed.paths) is an error that names the config key, the placeholder and the reason, never a
//   value. Kafka leaves such placeholders as written instead; we fail the connector, which shows
//   the reason in its FAILED trace, rather than hand a plugin the literal text "${env:X}".
// - Placeholders are not nested and a resolved value is not resolved again (Kafka's behaviour).
// - Validation sees the resolved config, as in Kafka (a plugin that connects to its database in
//   validate() needs the real password), through resolveForValidation: what resolves is
//   resolved, the rest stays as written (the connector then fails on start with the reason), and
//   restore() puts the placeholders back into the answer, values and error messages alike. The
//   resolved values go to the validating plugin process too, which hides them in its output.
// - name, connector.class and tasks.max are never resolved: they must be literal.
// - The worker config itself is resolved with the same providers at startup (Kafka's KIP-421).

import { ConfigException } from '../data/index.js';
import type { ConfigProvider, ConfigProviderParams } from './providers/config-provider.js';
import { ConfigProviderLookupError } from './providers/config-provider.js';
import { DirectoryConfigProvider } from './providers/directory-config-provider.js';
import { EnvVarConfigProvider } from './providers/env-var-config-provider.js';
import { FileConfigProvider } from './providers/file-config-provider.js';

/** Kafka's ConfigTransformer.DEFAULT_PATTERN: ${provider:[path:]key}. */
const PLACEHOLDER_PATTERN = /\$\{([^}]*?):(?:([^}]*?):)?([^}]*?)\}/g;

export const CONFIG_PROVIDERS_CONFIG = 'config.providers';

/** Connector config keys that are used as written, never resolved. */
export const LITERAL_CONNECTOR_KEYS: ReadonlySet<string> = new Set(['name', 'connector.class', 'tasks.max']);

export interface Placeholder {
  /** The placeholder as written, e.g. ${file:/etc/secrets.properties:password}. */
  readonly text: string;
  readonly provider: string;
  /** "" when the placeholder has no path (${env:NAME}). */
  readonly path: string;
  readonly key: string;
}

/** A placeholder left as written because its provider is not configured. */
export interface UnresolvedReference {
  readonly configKey: string;
  readonly provider: string;
}

export interface ResolvedConfig {
  readonly config: Record<string, string>;
  readonly unresolved: UnresolvedReference[];
  /** Each resolved placeholder (as written) and its value: only for secretMasker, never to be shown. */
  readonly resolvedValues: ReadonlyMap<string, string>;
}

/** Placeholders that could not be resolved; the message names keys, placeholders and reasons only. */
export class ConfigProviderError extends ConfigException {
  readonly problems: readonly string[];

  constructor(subject: string, problems: readonly string[]) {
    super(`Could not resolve the config provider placeholders in ${subject}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    // Traces show Kafka's exception type (org.apache.kafka.common.config.ConfigException).
    this.name = 'ConfigException';
    this.problems = problems;
  }
}

type ProviderFactory = (name: string, params: ConfigProviderParams, env: Readonly<Record<string, string | undefined>>) => ConfigProvider;

const BUILT_IN_PROVIDERS: ReadonlyMap<string, ProviderFactory> = new Map<string, ProviderFactory>([
  [FileConfigProvider.className, (name, params) => new FileConfigProvider(name, params)],
  [DirectoryConfigProvider.className, (name, params) => new DirectoryConfigProvider(name, params)],
  [EnvVarConfigProvider.className, (name, params, env) => new EnvVarConfigProvider(name, params, env)],
]);

/** A provider class by its Java class name or simple name (FileConfigProvider). */
function providerFactory(className: string): ProviderFactory | undefined {
  const trimmed = className.trim();
  return BUILT_IN_PROVIDERS.get(trimmed) ?? [...BUILT_IN_PROVIDERS].find(([name]) => name.endsWith(`.${trimmed}`))?.[1];
}

/** Every placeholder in a value, in order. */
export function placeholdersIn(value: string): Placeholder[] {
  return [...value.matchAll(PLACEHOLDER_PATTERN)].map(placeholderOf);
}

function placeholderOf(match: RegExpMatchArray): Placeholder {
  return { text: match[0], provider: match[1]!, path: match[2] ?? '', key: match[3]! };
}

export function hasPlaceholders(value: string): boolean {
  return placeholdersIn(value).length > 0;
}

export class ConfigProviders {
  readonly #providers: ReadonlyMap<string, ConfigProvider>;

  private constructor(providers: ReadonlyMap<string, ConfigProvider>) {
    this.#providers = providers;
  }

  static none(): ConfigProviders {
    return new ConfigProviders(new Map());
  }

  /**
   * The providers a worker config declares (config.providers and config.providers.<name>.*).
   * Throws ConfigException for an unknown class, a missing class key or a bad parameter.
   */
  static fromWorkerConfig(originals: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>> = process.env): ConfigProviders {
    const names = (originals[CONFIG_PROVIDERS_CONFIG] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
    const providers = new Map<string, ConfigProvider>();
    for (const name of new Set(names)) {
      const classKey = `${CONFIG_PROVIDERS_CONFIG}.${name}.class`;
      const className = originals[classKey];
      if (className === undefined || className.trim() === '') {
        throw new ConfigException(`${CONFIG_PROVIDERS_CONFIG} lists "${name}" but ${classKey} is not set`);
      }
      const factory = providerFactory(className);
      if (factory === undefined) {
        throw new ConfigException(
          `Failed to find any class that implements ConfigProvider and which name matches ${className.trim()}, available ConfigProviders are: ${[...BUILT_IN_PROVIDERS.keys()].join(', ')} (set in ${classKey})`,
        );
      }
      const paramPrefix = `${CONFIG_PROVIDERS_CONFIG}.${name}.param.`;
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(originals)) if (key.startsWith(paramPrefix)) params[key.slice(paramPrefix.length)] = value;
      providers.set(name, factory(name, params, env));
    }
    return new ConfigProviders(providers);
  }

  /** The configured provider names. */
  get names(): string[] {
    return [...this.#providers.keys()];
  }

  /**
   * The config with every placeholder of a configured provider replaced by its value. `subject`
   * names the config in errors ("the config of connector x"). Throws ConfigProviderError listing
   * every placeholder that could not be resolved. Keys without placeholders are copied as they are.
   */
  resolve(config: Readonly<Record<string, string>>, subject: string, literalKeys: ReadonlySet<string> = new Set()): ResolvedConfig {
    const keysWithPlaceholders: string[] = [];
    const wanted = new Map<string, Map<string, Set<string>>>(); // provider -> path -> keys
    const unresolved: UnresolvedReference[] = [];
    for (const [configKey, value] of Object.entries(config)) {
      if (literalKeys.has(configKey)) continue;
      const placeholders = placeholdersIn(value);
      if (placeholders.length === 0) continue;
      keysWithPlaceholders.push(configKey);
      for (const placeholder of placeholders) {
        if (!this.#providers.has(placeholder.provider)) {
          unresolved.push({ configKey, provider: placeholder.provider });
          continue;
        }
        const byPath = wanted.get(placeholder.provider) ?? new Map<string, Set<string>>();
        wanted.set(placeholder.provider, byPath);
        const keys = byPath.get(placeholder.path) ?? new Set<string>();
        byPath.set(placeholder.path, keys);
        keys.add(placeholder.key);
      }
    }
    if (keysWithPlaceholders.length === 0) return { config: { ...config }, unresolved, resolvedValues: new Map() };

    // One lookup per provider and path, as Kafka's ConfigTransformer does (a file is read once).
    const lookups = new Map<string, Map<string, Map<string, string> | string>>(); // provider -> path -> values | failure reason
    for (const [providerName, byPath] of wanted) {
      const provider = this.#providers.get(providerName)!;
      const results = new Map<string, Map<string, string> | string>();
      lookups.set(providerName, results);
      for (const [path, keys] of byPath) {
        if (path.includes('${')) {
          results.set(path, 'nested placeholders are not supported');
          continue;
        }
        try {
          results.set(path, provider.get(path, keys));
        } catch (error) {
          results.set(path, error instanceof ConfigProviderLookupError || error instanceof ConfigException ? error.message : `the provider failed (${(error as Error).name})`);
        }
      }
    }

    const problems: string[] = [];
    const resolved: Record<string, string> = { ...config };
    const resolvedValues = new Map<string, string>();
    for (const configKey of keysWithPlaceholders) {
      const value = config[configKey]!;
      let result = '';
      let position = 0;
      for (const match of value.matchAll(PLACEHOLDER_PATTERN)) {
        const placeholder = placeholderOf(match);
        result += value.slice(position, match.index);
        position = match.index + match[0].length;
        const lookup = lookups.get(placeholder.provider)?.get(placeholder.path);
        if (lookup === undefined) {
          result += match[0]; // provider not configured: left as written
          continue;
        }
        const provider = this.#providers.get(placeholder.provider)!;
        const replacement = typeof lookup === 'string' ? undefined : lookup.get(placeholder.key);
        if (replacement === undefined) {
          const reason = typeof lookup === 'string' ? lookup : placeholder.key.includes('${') ? 'nested placeholders are not supported' : provider.describeMissing(placeholder.path, placeholder.key);
          problems.push(`key "${configKey}": ${placeholder.text}: ${reason}`);
          continue;
        }
        result += replacement;
        resolvedValues.set(placeholder.text, replacement);
      }
      resolved[configKey] = result + value.slice(position);
    }
    if (problems.length > 0) throw new ConfigProviderError(subject, problems);
    return { config: resolved, unresolved, resolvedValues };
  }

  /**
   * A connector config for validation: each placeholder key that resolves is resolved, one that
   * does not stays as written (no error here: the connector fails on start, saying why).
   *
   * What Kafka does, and why this matches it: AbstractHerder.validateConnectorConfig runs the
   * worker's WorkerConfigTransformer over the config first, so validation (the validate endpoint
   * and the check before create/update store a config) sees resolved values. Kafka's
   * ConfigTransformer leaves a placeholder it gets no value for (a missing key or variable, a path
   * outside allowed.paths) as written and reports nothing about it: the text as written is then
   * validated like any value, and the config is stored if that text passes. So we add no error for
   * an unresolved placeholder either; only when the text as written already fails does restore()
   * add the reason, as one more message on that key (counted like every message). Where Kafka's
   * FileConfigProvider cannot read a file at all it throws, and Kafka's validation (and so a
   * create) answers 500; we treat that like the other failures (validated as written, the
   * connector then fails on start saying why), which tells the user more.
   */
  resolveForValidation(config: Readonly<Record<string, string>>): ValidationView {
    const resolved: Record<string, string> = { ...config };
    const replaced = new Map<string, { raw: string; resolved: string }>();
    const failures = new Map<string, readonly string[]>();
    const secrets = new Set<string>();
    for (const [key, value] of Object.entries(config)) {
      if (LITERAL_CONNECTOR_KEYS.has(key) || !hasPlaceholders(value)) continue;
      try {
        const resolution = this.resolve({ [key]: value }, 'validation');
        const one = resolution.config[key]!;
        if (one === value) continue;
        resolved[key] = one;
        replaced.set(key, { raw: value, resolved: one });
        for (const secret of resolution.resolvedValues.values()) secrets.add(secret);
      } catch (error) {
        // Left as written; the reason is told only if the raw text fails validation.
        if (error instanceof ConfigProviderError) failures.set(key, error.problems);
      }
    }
    return new ValidationView(resolved, replaced, failures, [...secrets]);
  }
}

/** The shape of a validation answer (Kafka's ConfigInfos) that restore() works on. */
export interface ValidationAnswer {
  error_count: number;
  configs: Array<{ value: { name: string; value: string | null; errors: string[] } | null }>;
}

/**
 * The prefixes of the converter parts of a validation answer (Kafka's prefixedConfigInfos), whose
 * error_count counts keys with errors rather than messages.
 */
const COUNTED_PER_KEY_PREFIXES = ['header.converter.', 'key.converter.', 'value.converter.'];

/** A config resolved for validation, and the way back to what the user wrote. */
export class ValidationView {
  readonly config: Readonly<Record<string, string>>;
  /** The values the providers resolved (only for hiding them in the validating plugin's output). */
  readonly secrets: readonly string[];
  readonly #replaced: ReadonlyMap<string, { raw: string; resolved: string }>;
  readonly #failures: ReadonlyMap<string, readonly string[]>;

  constructor(
    config: Readonly<Record<string, string>>,
    replaced: ReadonlyMap<string, { raw: string; resolved: string }>,
    failures: ReadonlyMap<string, readonly string[]> = new Map(),
    secrets: readonly string[] = [],
  ) {
    this.config = config;
    this.secrets = secrets;
    this.#replaced = replaced;
    this.#failures = failures;
  }

  /**
   * The answer with the placeholders back: a resolved key shows its raw value (a password stays
   * [hidden]), and any resolved value in an error message becomes its placeholder (on its own key
   * always; on other keys when it is at least 4 characters long, so that "1" stays "1"). A key
   * whose placeholder could not be resolved and that failed validation as written is told why, in
   * one more message per placeholder, which error_count counts as it counts every message (in a
   * converter's part, where Kafka counts keys with errors, the key was counted already). A key
   * whose text as written passes gets nothing: Kafka reports nothing there either.
   */
  restore<T extends ValidationAnswer>(answer: T): T {
    for (const info of answer.configs) {
      const value = info.value;
      const problems = value === null ? undefined : this.#failures.get(value.name);
      if (value === null || problems === undefined || value.errors.length === 0) continue;
      value.errors.push(...problems.map((problem) => `Could not resolve ${problem.replace(/^key "[^"]*": /, '')}`));
      if (!COUNTED_PER_KEY_PREFIXES.some((prefix) => value.name.startsWith(prefix))) answer.error_count += problems.length;
    }
    if (this.#replaced.size === 0) return answer;
    const longestFirst = [...this.#replaced].sort(([, a], [, b]) => b.resolved.length - a.resolved.length);
    for (const info of answer.configs) {
      const value = info.value;
      if (value === null) continue;
      const own = this.#replaced.get(value.name);
      if (own !== undefined && value.value !== HIDDEN) value.value = own.raw;
      value.errors = value.errors.map((error) => {
        let text = own !== undefined && own.resolved !== '' ? error.replaceAll(own.resolved, own.raw) : error;
        for (const [, { raw, resolved }] of longestFirst) if (resolved.length >= 4) text = text.replaceAll(resolved, raw);
        return text;
      });
    }
    return answer;
  }
}

const HIDDEN = '[hidden]';

/**
 * Task configs as a connector returned them, with each key whose connector config value holds a
 * placeholder set back to that placeholder (Kafka's AbstractHerder.reverseTransform): so the
 * stored task configs, and GET /connectors/{c}/tasks, show what the user wrote. A connector that
 * copies a resolved value under another key is not covered (nor is it in Kafka).
 */
export function restorePlaceholders(rawConnectorConfig: Readonly<Record<string, string>>, taskConfigs: readonly Readonly<Record<string, string>>[]): Record<string, string>[] {
  const keys = Object.keys(rawConnectorConfig).filter((key) => hasPlaceholders(rawConnectorConfig[key]!));
  return taskConfigs.map((taskConfig) => {
    const restored = { ...taskConfig };
    for (const key of keys) if (Object.hasOwn(restored, key)) restored[key] = rawConnectorConfig[key]!;
    return restored;
  });
}

/**
 * Resolved values shorter than this are never masked in text (in traces here, in plugin output by
 * src/plugin/output-redaction.ts): replacing "1" or "true" everywhere would mangle unrelated text.
 */
export const MIN_MASKED_SECRET_LENGTH = 4;

/**
 * A function that puts placeholders back into a text (a trace, an error message) in place of the
 * values they resolved to, for what a plugin may quote from the config it was given; undefined when
 * nothing was resolved. Values shorter than MIN_MASKED_SECRET_LENGTH are left alone, so that "1" or "true"
 * elsewhere in the text stay as they are.
 */
export function secretMasker(resolutions: ReadonlyArray<Pick<ResolvedConfig, 'resolvedValues'>>): ((text: string) => string) | undefined {
  const replacements = new Map<string, string>();
  for (const { resolvedValues } of resolutions) for (const [placeholder, value] of resolvedValues) if (value.length >= MIN_MASKED_SECRET_LENGTH) replacements.set(value, placeholder);
  if (replacements.size === 0) return undefined;
  const longestFirst = [...replacements].sort(([a], [b]) => b.length - a.length);
  return (text) => longestFirst.reduce((masked, [value, written]) => masked.replaceAll(value, written), text);
}

export interface ResolvedWorkerConfig {
  /** The worker config with placeholders resolved (config.providers.* keys as written). */
  readonly config: Record<string, string>;
  readonly providers: ConfigProviders;
  readonly unresolved: UnresolvedReference[];
}

/**
 * A worker config with its own placeholders resolved by the providers it declares (Kafka's
 * KIP-421), e.g. `listeners.https.ssl.keystore.password=${file:/etc/connect/tls.properties:password}`.
 */
export function resolveWorkerConfig(originals: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>> = process.env): ResolvedWorkerConfig {
  const providers = ConfigProviders.fromWorkerConfig(originals, env);
  const own: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(originals)) (key === CONFIG_PROVIDERS_CONFIG || key.startsWith(`${CONFIG_PROVIDERS_CONFIG}.`) ? own : rest)[key] = value;
  const { config, unresolved } = providers.resolve(rest, 'the worker config');
  return { config: { ...config, ...own }, providers, unresolved };
}
