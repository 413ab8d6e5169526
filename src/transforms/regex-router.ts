// RegexRouter: renames the topic when the Java regex `regex` matches the whole topic, to
// Matcher.replaceFirst(`replacement`) with Java's replacement syntax ($1, ${name}, \$).

import { ConfigDef, ConfigException, type ConfigValidator } from '../data/index.js';
import { compileJavaPattern, matchesWhole, replaceFirst, type JavaPattern } from './java-pattern.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';

const REGEX = 'regex';
const REPLACEMENT = 'replacement';

/** Kafka's transforms.util.RegexValidator. */
export const javaRegexValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (typeof value !== 'string') return;
    try {
      compileJavaPattern(value);
    } catch (error) {
      throw ConfigException.invalidValue(name, value, `Invalid regex: ${(error as Error).message}`);
    }
  },
  { describe: 'valid regex' },
);

export const REGEX_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({ name: REGEX, type: 'STRING', validator: javaRegexValidator, importance: 'HIGH', documentation: 'Regular expression to use for matching.' })
  .define({ name: REPLACEMENT, type: 'STRING', importance: 'HIGH', documentation: 'Replacement string.' });

export class RegexRouter implements Transformation {
  #regex: JavaPattern | undefined;
  #replacement = '';

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = REGEX_ROUTER_CONFIG_DEF.parse(config);
    this.#regex = compileJavaPattern(parsed[REGEX] as string);
    this.#replacement = parsed[REPLACEMENT] as string;
  }

  /** Replacement errors (`$9` with fewer groups, a trailing `\`) surface here, for matching topics only, as in Kafka. */
  apply<R extends ConnectRecord>(record: R): R {
    if (this.#regex === undefined) throw new Error('RegexRouter used before configure()');
    if (!matchesWhole(this.#regex, record.topic)) return record;
    return newRecord(record, { topic: replaceFirst(this.#regex, record.topic, this.#replacement) });
  }

  config(): ConfigDef {
    return REGEX_ROUTER_CONFIG_DEF;
  }

  close(): void {}
}
