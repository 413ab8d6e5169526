// ConfigException: a configuration value is missing or invalid (Kafka's ConfigException), with
// Kafka's message forms so that users see the texts they know.

export class ConfigException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigException';
  }

  /** "Invalid value <value> for configuration <name>: <reason>" */
  static invalidValue(name: string, value: unknown, reason?: string): ConfigException {
    return new ConfigException(`Invalid value ${String(value)} for configuration ${name}${reason ? `: ${reason}` : ''}`);
  }

  /** "Missing required configuration "<name>" which has no default value." */
  static missing(name: string): ConfigException {
    return new ConfigException(`Missing required configuration "${name}" which has no default value.`);
  }
}
