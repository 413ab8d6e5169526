// Finds the connector and task classes a plugin serves by the names the worker uses: a
// connector's className or one of its aliases, and the className of the task class it returns.

import type { Connector, ConnectorClass, Task, TaskClass } from '../connector.js';

export function classNameOf(type: ConnectorClass | TaskClass): string {
  return type.className ?? type.name;
}

export class ClassRegistry {
  readonly connectors: readonly ConnectorClass[];
  readonly #connectorsByName = new Map<string, ConnectorClass>();
  readonly #tasksByName = new Map<string, TaskClass>();

  constructor(connectors: readonly ConnectorClass[]) {
    this.connectors = connectors;
    for (const connector of connectors) {
      for (const name of [classNameOf(connector), ...(connector.aliases ?? [])]) this.#connectorsByName.set(name, connector);
      // Connectors are constructed without side effects (as Kafka requires), so asking one for its task class is safe.
      const taskClass = new connector().taskClass();
      this.#tasksByName.set(classNameOf(taskClass), taskClass);
    }
  }

  newConnector(name: string): Connector {
    const connector = this.#connectorsByName.get(name);
    if (connector === undefined) {
      throw new Error(`This plugin has no connector class "${name}"; it provides ${[...this.#connectorsByName.keys()].join(', ')}`);
    }
    return new connector();
  }

  newTask(name: string): Task {
    const task = this.#tasksByName.get(name);
    if (task === undefined) throw new Error(`This plugin has no task class "${name}"; it provides ${[...this.#tasksByName.keys()].join(', ')}`);
    return new task();
  }
}
