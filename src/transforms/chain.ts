// The transformation chain of a connector (Kafka's TransformationChain, TransformationStage and the
// transforms/predicates part of ConnectorConfig): built from the connector config, it applies the
// SMTs in `transforms` order to each record.
//
//   transforms=a,b                      aliases, in order (duplicates rejected)
//   transforms.a.type=<class or alias>  the SMT; every other transforms.a.<key> is its config
//   transforms.a.predicate=p            optional: apply only when predicate p holds …
//   transforms.a.negate=true            … or, with negate, when it does not (needs predicate)
//   predicates=p                        predicate aliases
//   predicates.p.type=<class or alias>  the predicate; every other predicates.p.<key> is its config
//
// `predicate` and `negate` are taken out before the SMT is configured (they mask SMT keys of the
// same names). A stage whose transform returns null drops the record: the rest of the chain is
// skipped. The worker runs each stage inside its retry-with-tolerance operator (stage
// TRANSFORMATION, executing class = stage.className), either by looping over `stages` and calling
// `stage.apply`, or through `chain.apply(record, run)`.
//
// validateTransformConfigs reports every problem with the key the validate endpoint shows it on
// and Kafka's messages; TransformationChain.fromConfig throws the first as a ConfigException.

import { ConfigException, parseType, type ConfigDef } from '../data/index.js';
import { describeClassProblem, predicateClasses, transformationClasses, type PluginKind } from './registry.js';
import type { ConnectRecord, Predicate, Transformation } from './transformation.js';

export const TRANSFORMS_CONFIG = 'transforms';
export const PREDICATES_CONFIG = 'predicates';
const PREDICATE_KEY = 'predicate';
const NEGATE_KEY = 'negate';

/** A problem with a connector's transforms or predicates config, on the key Kafka reports it on. */
export interface TransformConfigProblem {
  readonly key: string;
  readonly message: string;
}

/** A ConfigException from the transforms/predicates config, naming the key it is about. */
export class TransformConfigException extends ConfigException {
  readonly key: string;
  readonly problems: readonly TransformConfigProblem[];

  constructor(problems: readonly TransformConfigProblem[]) {
    super(problems[0]!.message);
    this.key = problems[0]!.key;
    this.problems = problems;
  }
}

/** One SMT of the chain with its optional predicate (Kafka's TransformationStage). */
export class TransformationStage {
  constructor(
    readonly alias: string,
    /** Kafka class name of the SMT, e.g. org.apache.kafka.connect.transforms.Cast$Value. */
    readonly className: string,
    readonly transformation: Transformation,
    readonly predicate: { readonly alias: string; readonly className: string; readonly instance: Predicate } | undefined = undefined,
    readonly negate = false,
  ) {}

  /** The transform's result when the predicate allows it (negate XOR test), else the record unchanged. */
  apply<R extends ConnectRecord>(record: R): R | null {
    if (this.predicate !== undefined && this.negate === this.predicate.instance.test(record)) return record;
    return this.transformation.apply(record) as R | null;
  }

  close(): void {
    closeQuietly(this.transformation);
    if (this.predicate !== undefined) closeQuietly(this.predicate.instance);
  }
}

/** Runs one stage for chain.apply; the worker passes its error-handling operator here. */
export type StageRunner = <R extends ConnectRecord>(stage: TransformationStage, apply: () => R | null) => R | null;

export class TransformationChain {
  constructor(readonly stages: readonly TransformationStage[]) {}

  /** Builds and configures the chain a connector config describes; throws TransformConfigException. */
  static fromConfig(config: Readonly<Record<string, string>>): TransformationChain {
    const built = plan(config);
    if (built.problems.length > 0) {
      built.stages.forEach((stage) => stage.close());
      throw new TransformConfigException(built.problems);
    }
    return new TransformationChain(built.stages);
  }

  /** The record after every stage, or null once a stage drops it. */
  apply<R extends ConnectRecord>(record: R, run?: StageRunner): R | null {
    let current: R | null = record;
    for (const stage of this.stages) {
      const input: R = current;
      current = run === undefined ? stage.apply(input) : run(stage, () => stage.apply(input));
      if (current === null) return null;
    }
    return current;
  }

  close(): void {
    this.stages.forEach((stage) => stage.close());
  }
}

/** Every problem of the transforms and predicates config (empty when the chain can be built). */
export function validateTransformConfigs(config: Readonly<Record<string, string>>): TransformConfigProblem[] {
  const { stages, problems } = plan(config);
  stages.forEach((stage) => stage.close());
  return problems;
}

/** The aliases of `transforms` or `predicates`: Kafka's LIST parsing (Java's split drops trailing empty items). */
export function aliasList(config: Readonly<Record<string, string>>, key: string): string[] {
  const raw = config[key];
  if (raw === undefined) return [];
  const aliases = parseType(key, raw, 'LIST') as string[];
  while (aliases.length > 0 && aliases[aliases.length - 1] === '') aliases.pop();
  return aliases;
}

function plan(config: Readonly<Record<string, string>>): { stages: TransformationStage[]; problems: TransformConfigProblem[] } {
  const problems: TransformConfigProblem[] = [];
  const transforms = uniqueAliases(config, TRANSFORMS_CONFIG, problems);
  const predicates = uniqueAliases(config, PREDICATES_CONFIG, problems);
  // Each predicate is checked once on its own keys; stages get instances of their own, as in Kafka.
  const predicateProblems = new Map<string, TransformConfigProblem[]>();
  for (const alias of predicates) {
    const found: TransformConfigProblem[] = [];
    configurePlugin('predicate', alias, config, found)?.instance.close();
    predicateProblems.set(alias, found);
    problems.push(...found);
  }
  const stages: TransformationStage[] = [];
  for (const alias of transforms) {
    const prefix = `${TRANSFORMS_CONFIG}.${alias}.`;
    const predicateAlias = config[prefix + PREDICATE_KEY];
    const negate = parseNegate(config, prefix, predicateAlias, problems);
    if (predicateAlias !== undefined && !predicates.has(predicateAlias)) {
      problems.push({
        key: prefix + PREDICATE_KEY,
        message: `Invalid value ${predicateAlias} for configuration ${prefix}${PREDICATE_KEY}: Predicate alias '${predicateAlias}' is not listed in '${PREDICATES_CONFIG}'`,
      });
    }
    const transform = configurePlugin('transformation', alias, config, problems);
    if (transform === undefined) continue;
    let predicate: TransformationStage['predicate'];
    if (predicateAlias !== undefined && predicateProblems.get(predicateAlias)?.length === 0) {
      const configured = configurePlugin('predicate', predicateAlias, config, []);
      if (configured !== undefined) predicate = { alias: predicateAlias, className: configured.className, instance: configured.instance };
    }
    stages.push(new TransformationStage(alias, transform.className, transform.instance, predicate, negate));
  }
  return { stages, problems };
}

/** The aliases of `key`, each once; a repeated alias is a problem on `key` (Kafka: "Duplicate alias provided."). */
function uniqueAliases(config: Readonly<Record<string, string>>, key: string, problems: TransformConfigProblem[]): Set<string> {
  let aliases: string[];
  try {
    aliases = aliasList(config, key);
  } catch (error) {
    problems.push({ key, message: (error as Error).message });
    return new Set();
  }
  const unique = new Set(aliases);
  if (unique.size < aliases.length) problems.push({ key, message: `Invalid value [${aliases.join(', ')}] for configuration ${key}: Duplicate alias provided.` });
  return unique;
}

/** `transforms.<a>.negate`: a boolean, and only with a predicate (Kafka reports the latter on the type key). */
function parseNegate(config: Readonly<Record<string, string>>, prefix: string, predicateAlias: string | undefined, problems: TransformConfigProblem[]): boolean {
  const raw = config[prefix + NEGATE_KEY];
  if (raw === undefined) return false;
  if (predicateAlias === undefined) {
    problems.push({
      key: `${prefix}type`,
      message: `Config '${prefix}${NEGATE_KEY}' was provided but there is no config '${prefix}${PREDICATE_KEY}' defining a predicate to be negated.`,
    });
  }
  try {
    return parseType(prefix + NEGATE_KEY, raw, 'BOOLEAN') as boolean;
  } catch (error) {
    problems.push({ key: prefix + NEGATE_KEY, message: (error as Error).message });
    return false;
  }
}

interface Configured<T> {
  readonly className: string;
  readonly instance: T;
}

/**
 * Creates and configures the transform or predicate `alias` names, reporting what is wrong: a
 * missing or unknown type, the plugin's own keys checked against its ConfigDef (as Kafka's validate
 * does, with the keys' full names), then whatever configure() throws.
 */
function configurePlugin(kind: 'transformation', alias: string, config: Readonly<Record<string, string>>, problems: TransformConfigProblem[]): Configured<Transformation> | undefined;
function configurePlugin(kind: 'predicate', alias: string, config: Readonly<Record<string, string>>, problems: TransformConfigProblem[]): Configured<Predicate> | undefined;
function configurePlugin(kind: PluginKind, alias: string, config: Readonly<Record<string, string>>, problems: TransformConfigProblem[]): Configured<Transformation | Predicate> | undefined {
  const prefix = `${kind === 'transformation' ? TRANSFORMS_CONFIG : PREDICATES_CONFIG}.${alias}.`;
  const typeKey = `${prefix}type`;
  const type = config[typeKey];
  if (type === undefined) {
    problems.push({ key: typeKey, message: ConfigException.missing(typeKey).message });
    return undefined;
  }
  const entry = kind === 'transformation' ? transformationClasses().lookup(type) : predicateClasses().lookup(type);
  if (entry === undefined) {
    problems.push({ key: typeKey, message: describeClassProblem(kind, typeKey, type) });
    return undefined;
  }
  const own = withoutPrefix(config, prefix);
  if (kind === 'transformation') {
    delete own[PREDICATE_KEY];
    delete own[NEGATE_KEY];
  }
  const instance = entry.create();
  const keyProblems = checkKeys(instance.config(), own, prefix, kind === 'transformation');
  problems.push(...keyProblems);
  if (keyProblems.length > 0) {
    closeQuietly(instance);
    return undefined;
  }
  try {
    instance.configure(own);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ key: keyNamedIn(message, instance.config(), prefix) ?? typeKey, message });
    closeQuietly(instance);
    return undefined;
  }
  return { className: entry.className, instance };
}

/** The keys of `config` under `prefix`, with the prefix removed (Kafka's originalsWithPrefix). */
function withoutPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
  return own;
}

/**
 * The plugin's keys checked as Kafka's validate checks the keys it embeds under the alias prefix:
 * "Missing required configuration" and type errors name the full key, validators the plugin's own
 * key name. For transforms, `predicate` and `negate` mask keys of the same names.
 */
function checkKeys(configDef: ConfigDef, own: Readonly<Record<string, string>>, prefix: string, masked: boolean): TransformConfigProblem[] {
  const problems: TransformConfigProblem[] = [];
  for (const key of configDef.keys()) {
    if (masked && (key.name === PREDICATE_KEY || key.name === NEGATE_KEY)) continue;
    const fullName = prefix + key.name;
    const raw = own[key.name];
    // Kafka's ConfigDef.validate: a parse error or a missing key is reported, and the validator
    // still runs (on null), so both messages can appear for one key.
    let value: unknown = null;
    try {
      if (raw !== undefined) value = parseType(fullName, raw, key.type);
      else if (key.required) problems.push({ key: fullName, message: ConfigException.missing(fullName).message });
      else value = key.defaultValue;
    } catch (error) {
      problems.push({ key: fullName, message: (error as Error).message });
    }
    try {
      key.validator?.(key.name, value);
    } catch (error) {
      problems.push({ key: fullName, message: (error as Error).message });
    }
  }
  return problems;
}

/** The full key of the plugin key a configure() message is about ("configuration spec", "'fields'" …). */
function keyNamedIn(message: string, configDef: ConfigDef, prefix: string): string | undefined {
  let best: { at: number; name: string } | undefined;
  for (const { name } of configDef.keys()) {
    for (const form of [`configuration ${name}:`, `configuration "${name}"`, `'${name}'`, `"${name}"`]) {
      const at = message.indexOf(form);
      if (at >= 0 && (best === undefined || at < best.at)) best = { at, name };
    }
  }
  return best === undefined ? undefined : prefix + best.name;
}

function closeQuietly(plugin: { close(): void }): void {
  try {
    plugin.close();
  } catch {
    // Kafka's Utils.closeQuietly: a failing close does not stop the others.
  }
}
