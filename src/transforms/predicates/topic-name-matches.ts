// TopicNameMatches (org.apache.kafka.connect.transforms.predicates.TopicNameMatches): true for
// records whose topic the Java regular expression `pattern` matches as a whole (Matcher.matches),
// through the Java-to-JavaScript regex translation RegexRouter uses (../java-pattern.ts).

import { ConfigDef, ConfigException, allOf, nonEmptyString, type ConfigValidator } from '../../data/index.js';
import type { ConnectRecord, Predicate } from '../transformation.js';
import { compileJavaPattern, matchesWhole, type JavaPattern } from '../java-pattern.js';

const PATTERN_CONFIG = 'pattern';

/** Kafka's RegexValidator: "Invalid value <v> for configuration <name>: Invalid regex: <reason>". */
const regexValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown): void => {
    if (value === null || value === undefined) {
      // Kafka's RegexValidator hands null to Pattern.compile and reports the JVM's message.
      throw ConfigException.invalidValue(name, null, 'Invalid regex: Cannot invoke "String.isEmpty()" because "this.pattern" is null');
    }
    if (typeof value !== 'string') return;
    try {
      compileJavaPattern(value);
    } catch (error) {
      throw ConfigException.invalidValue(name, value, `Invalid regex: ${(error as Error).message}`);
    }
  },
  { describe: 'valid regex' },
);

export class TopicNameMatches implements Predicate {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches';
  static readonly CONFIG_DEF = new ConfigDef().define({
    name: PATTERN_CONFIG,
    type: 'STRING',
    validator: allOf(nonEmptyString, regexValidator),
    importance: 'MEDIUM',
    documentation: "A Java regular expression for matching against the name of a record's topic.",
  });

  #pattern: JavaPattern | undefined;

  configure(config: Readonly<Record<string, string>>): void {
    const value = TopicNameMatches.CONFIG_DEF.parse(config)[PATTERN_CONFIG] as string;
    try {
      this.#pattern = compileJavaPattern(value);
    } catch (error) {
      throw ConfigException.invalidValue(PATTERN_CONFIG, value, `entry must be a Java-compatible regular expression: ${(error as Error).message}`);
    }
  }

  test(record: ConnectRecord): boolean {
    if (this.#pattern === undefined) throw new Error('TopicNameMatches used before configure()');
    return record.topic !== null && record.topic !== undefined && matchesWhole(this.#pattern, record.topic);
  }

  config(): ConfigDef {
    return TopicNameMatches.CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `TopicNameMatches{pattern=${this.#pattern?.pattern ?? 'null'}}`;
  }
}
