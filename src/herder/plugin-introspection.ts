// Asks plugins about their connector classes: Describe (cached per plugin folder and version: a
// plugin's definitions do not change while it is installed) and ValidateConfig (every time), each
// through a plugin process that hosts no instance. The values config providers resolved in a
// config to validate go to the plugin host with it, as the Worker's do when it starts an instance,
// so that the validating process's output has them hidden.

import type { proto } from '@polyconnect/sdk/wire';
import type { Logger } from 'pino';
import type { ConnectorPlugin } from '../plugin/plugin-catalog.js';
import type { Worker } from '../worker/worker.js';
import type { PluginIntrospection } from './connector-validator.js';

export class PluginIntrospectionCache implements PluginIntrospection {
  readonly #worker: Worker;
  readonly #log: Logger;
  readonly #descriptions = new Map<string, Promise<proto.DescribeResponse__Output>>();

  constructor(worker: Worker, logger: Logger) {
    this.#worker = worker;
    this.#log = logger.child({ component: 'plugin-introspection' });
  }

  async describe(plugin: ConnectorPlugin): Promise<proto.ConnectorDescription__Output | undefined> {
    const key = `${plugin.plugin.directory}@${plugin.plugin.manifest.version}`;
    let description = this.#descriptions.get(key);
    if (description === undefined) {
      description = this.#worker.withPluginClient(plugin.plugin, (client) => client.describe());
      this.#descriptions.set(key, description);
      description.catch(() => this.#descriptions.delete(key)); // try again next time
    }
    const response = await description;
    return response.connectors.find((c) => c.className === plugin.className);
  }

  validate(plugin: ConnectorPlugin, config: Record<string, string>, secrets: readonly string[] = []): Promise<proto.ConfigValue__Output[]> {
    return this.#worker.withPluginClient(plugin.plugin, async (client) => (await client.validateConfig(plugin.className, config)).values, secrets);
  }

  /**
   * Like the above, but a plugin that cannot be reached (it does not start, or crashes) yields no
   * plugin-level results instead of an error: the connector is then created and shows the
   * launch failure in its status, which tells the user more than a failed request would.
   */
  tolerant(): PluginIntrospection {
    return {
      describe: (plugin) => this.describe(plugin).catch((error: Error) => this.#skip(plugin, 'Describe', error, undefined)),
      validate: (plugin, config, secrets) => this.validate(plugin, config, secrets).catch((error: Error) => this.#skip(plugin, 'ValidateConfig', error, [])),
    };
  }

  #skip<T>(plugin: ConnectorPlugin, call: string, error: Error, fallback: T): T {
    this.#log.warn({ plugin: plugin.plugin.manifest.name, err: error }, `${call} failed; the plugin's own validation is skipped`);
    return fallback;
  }
}
