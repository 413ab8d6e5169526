// PluginCatalog: the connector classes the discovered plugins provide, found by the names Kafka
// Connect users write in connector.class: the fully qualified class name, the simple class name,
// the simple name without its "Connector" suffix, or an alias the manifest declares. A name two
// classes share is ambiguous and must be written in full.

import type { ConnectorDeclaration, DiscoveredPlugin } from './plugin-manifest.js';

export interface ConnectorPlugin {
  readonly plugin: DiscoveredPlugin;
  readonly className: string;
  readonly type: 'source' | 'sink';
  readonly version: string;
}

export class ConnectorClassNotFoundError extends Error {
  override name = 'ConnectorClassNotFoundError';
}

export class PluginCatalog {
  readonly plugins: readonly DiscoveredPlugin[];
  readonly #byClassName = new Map<string, ConnectorPlugin>();
  readonly #byAlias = new Map<string, ConnectorPlugin[]>();

  constructor(plugins: readonly DiscoveredPlugin[]) {
    this.plugins = plugins;
    for (const plugin of plugins) {
      for (const declaration of plugin.manifest.connectors) {
        if (this.#byClassName.has(declaration.className)) continue; // first plugin on the path wins, as Kafka's
        const entry: ConnectorPlugin = { plugin, className: declaration.className, type: declaration.type, version: plugin.manifest.version };
        this.#byClassName.set(declaration.className, entry);
        for (const alias of aliasesOf(declaration)) this.#byAlias.set(alias, [...(this.#byAlias.get(alias) ?? []), entry]);
      }
    }
  }

  /** Every connector class, sinks then sources, each sorted by class name (Kafka's order). */
  connectors(): ConnectorPlugin[] {
    const all = [...this.#byClassName.values()];
    // Java's String.compareTo (UTF-16 code units), not localeCompare, which depends on the locale and ignores case first.
    const byName = (a: ConnectorPlugin, b: ConnectorPlugin): number => (a.className < b.className ? -1 : a.className > b.className ? 1 : 0);
    return [...all.filter((c) => c.type === 'sink').sort(byName), ...all.filter((c) => c.type === 'source').sort(byName)];
  }

  /** The connector class for a connector.class value; throws with Kafka's message when there is none. */
  resolve(name: string): ConnectorPlugin {
    const exact = this.#byClassName.get(name);
    if (exact !== undefined) return exact;
    const matches = this.#byAlias.get(name) ?? [];
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new ConnectorClassNotFoundError(`More than one connector matches alias ${name}. Please use full package and class name instead. Classes found: ${matches.map((m) => m.className).join(', ')}`);
    }
    const available = this.connectors().map((c) => c.className);
    throw new ConnectorClassNotFoundError(`Failed to find any class that implements Connector and which name matches ${name}, available connectors are: ${available.join(', ')}`);
  }
}

function aliasesOf(declaration: ConnectorDeclaration): string[] {
  const simpleName = declaration.className.slice(declaration.className.lastIndexOf('.') + 1);
  const aliases = new Set([simpleName, ...declaration.aliases]);
  if (simpleName.endsWith('Connector') && simpleName !== 'Connector') aliases.add(simpleName.slice(0, -'Connector'.length));
  aliases.delete(declaration.className);
  return [...aliases];
}
