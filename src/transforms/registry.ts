// The built-in transformation and predicate classes, looked up the way Kafka's plugin loader finds
// them: by full class name (`org.apache.kafka.connect.transforms.Cast$Value`) or by a plugin alias
// — the simple class name, or that name without its plugin-type suffix — when no other plugin
// shares it (so `Filter`, `DropHeaders` and `RecordIsTombstone` work, while `Value` does not,
// as every $Key/$Value class has that simple name). Aliases are computed over transforms and
// predicates together, as Kafka computes them over every plugin it scanned.
//
// Also says, in Kafka's words, why a name is not a usable class of the kind asked for (unknown,
// the other kind, or an abstract base such as org.apache.kafka.connect.transforms.Cast): see
// describeClassProblem.

import { BUILTIN_TRANSFORMATIONS_A } from './builtins-a.js';
import { BUILTIN_TRANSFORMATIONS_B } from './builtins-b.js';
import { BUILTIN_PREDICATES } from './predicates/index.js';
import type { PluginClassEntry, Predicate, Transformation } from './transformation.js';

export type PluginKind = 'transformation' | 'predicate';

/** Kafka's interface names, as its "does not implement" message prints them. */
const INTERFACE_SIMPLE_NAMES: Readonly<Record<PluginKind, string>> = { transformation: 'Transformation', predicate: 'Predicate' };

export class PluginClassRegistry<T> {
  readonly kind: PluginKind;
  readonly #entries: readonly PluginClassEntry<T>[];
  readonly #byName: ReadonlyMap<string, PluginClassEntry<T>>;
  readonly #aliases: ReadonlyMap<string, string>;

  constructor(kind: PluginKind, entries: readonly PluginClassEntry<T>[], aliases: ReadonlyMap<string, string>) {
    this.kind = kind;
    this.#entries = [...entries].sort((a, b) => (a.className < b.className ? -1 : a.className > b.className ? 1 : 0));
    this.#byName = new Map(entries.map((entry) => [entry.className, entry]));
    this.#aliases = aliases;
  }

  /** Every class of this kind, sorted by class name. */
  entries(): readonly PluginClassEntry<T>[] {
    return this.#entries;
  }

  /** The full class name a class name or alias stands for, when it is a class of this kind. */
  resolve(classOrAlias: string): string | undefined {
    const name = classOrAlias.trim();
    const full = this.#aliases.get(name) ?? name;
    return this.#byName.has(full) ? full : undefined;
  }

  lookup(classOrAlias: string): PluginClassEntry<T> | undefined {
    const full = this.resolve(classOrAlias);
    return full === undefined ? undefined : this.#byName.get(full);
  }

  /** The aliases (simple names) that stand for a class of this kind. */
  aliases(): ReadonlyMap<string, string> {
    return new Map([...this.#aliases].filter(([, full]) => this.#byName.has(full)));
  }
}

/**
 * Why `value` (the raw config value of `key`) names no usable class of `kind`, in Kafka's words:
 * ConfigDef's "Class … could not be found.", Utils.ensureConcreteSubclass's "does not implement
 * the … interface" and "This class is abstract and cannot be created. Did you mean …?".
 */
export function describeClassProblem(kind: PluginKind, key: string, value: string): string {
  const own = kind === 'transformation' ? transformationClasses() : predicateClasses();
  const other = kind === 'transformation' ? predicateClasses() : transformationClasses();
  const name = value.trim();
  const otherClass = other.resolve(name) ?? (nestedClasses(other, name).length > 0 ? name : undefined);
  if (otherClass !== undefined) return `Class class ${otherClass} does not implement the ${INTERFACE_SIMPLE_NAMES[kind]} interface`;
  // An abstract base (Cast for Cast$Key and Cast$Value) is found only by its full name, as in Kafka.
  const children = nestedClasses(own, name);
  if (children.length > 0) return `This class is abstract and cannot be created. Did you mean ${children.join(', ')}?`;
  return `Invalid value ${value} for configuration ${key}: Class ${value} could not be found.`;
}

/**
 * The class a name loads as, whatever its kind: a transformation or predicate class or alias, or an
 * abstract base such as org.apache.kafka.connect.transforms.Cast (by full name only). This is the
 * value Kafka's validate shows for a `.type` key; undefined when no such class exists.
 */
export function loadableClassName(classOrAlias: string): string | undefined {
  const name = classOrAlias.trim();
  const found = transformationClasses().resolve(name) ?? predicateClasses().resolve(name);
  if (found !== undefined) return found;
  return nestedClasses(transformationClasses(), name).length > 0 || nestedClasses(predicateClasses(), name).length > 0 ? name : undefined;
}

/** The $Key/$Value classes of an abstract base class name. */
function nestedClasses(registry: { entries(): readonly { className: string }[] }, base: string): string[] {
  return registry.entries().flatMap((entry) => (entry.className.startsWith(`${base}$`) ? [entry.className] : []));
}

/** Kafka's PluginUtils.simpleName: the class name after its package and any enclosing class. */
function simpleName(className: string): string {
  return className.slice(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
}

/** Kafka's PluginUtils.prunedName: the simple name cut at the last occurrence of the type suffix (if not at 0). */
function prunedName(className: string, kind: PluginKind): string {
  const simple = simpleName(className);
  const at = simple.lastIndexOf(INTERFACE_SIMPLE_NAMES[kind]);
  return at > 0 ? simple.slice(0, at) : simple;
}

/** Kafka's PluginUtils.computeAliases: names that stand for exactly one class. */
function computeAliases(plugins: readonly { className: string; kind: PluginKind }[]): ReadonlyMap<string, string> {
  const candidates = new Map<string, Set<string>>();
  for (const { className, kind } of plugins) {
    for (const alias of [simpleName(className), prunedName(className, kind)]) {
      const classes = candidates.get(alias) ?? new Set<string>();
      classes.add(className);
      candidates.set(alias, classes);
    }
  }
  return new Map([...candidates].filter(([, classes]) => classes.size === 1).map(([alias, classes]) => [alias, [...classes][0]!]));
}

const ALIASES = computeAliases([
  ...[...BUILTIN_TRANSFORMATIONS_A, ...BUILTIN_TRANSFORMATIONS_B].map((entry) => ({ className: entry.className, kind: 'transformation' as const })),
  ...BUILTIN_PREDICATES.map((entry) => ({ className: entry.className, kind: 'predicate' as const })),
]);

const TRANSFORMATIONS = new PluginClassRegistry<Transformation>('transformation', [...BUILTIN_TRANSFORMATIONS_A, ...BUILTIN_TRANSFORMATIONS_B], ALIASES);
const PREDICATES = new PluginClassRegistry<Predicate>('predicate', BUILTIN_PREDICATES, ALIASES);

/** The built-in transformations (Kafka's connect-transforms SMTs). */
export function transformationClasses(): PluginClassRegistry<Transformation> {
  return TRANSFORMATIONS;
}

/** The built-in predicates (Kafka's connect-transforms predicates). */
export function predicateClasses(): PluginClassRegistry<Predicate> {
  return PREDICATES;
}
