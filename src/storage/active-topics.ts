// Active topics (KIP-558): the topics each connector's tasks have produced to or consumed from
// since the set was last reset, for GET /connectors/{name}/topics. Kept in memory in standalone
// mode (Kafka keeps them in the status topic).

export class ActiveTopics {
  readonly #byConnector = new Map<string, Set<string>>();

  /** Records a topic a connector used; cheap enough to call per batch. */
  record(connector: string, topic: string): void {
    let topics = this.#byConnector.get(connector);
    if (topics === undefined) this.#byConnector.set(connector, (topics = new Set()));
    topics.add(topic);
  }

  topics(connector: string): string[] {
    return [...(this.#byConnector.get(connector) ?? [])].sort();
  }

  reset(connector: string): void {
    this.#byConnector.delete(connector);
  }
}
