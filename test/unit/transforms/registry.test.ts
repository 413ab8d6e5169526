// The built-in transformation and predicate classes (src/transforms/registry.ts): Kafka's class
// names, and Kafka's plugin aliases (PluginUtils.computeAliases: the simple class name, or that
// name without the plugin-type suffix, when exactly one plugin has it; a nested class's simple name
// is the part after '$', so every $Key/$Value class shares "Key"/"Value" and gets no alias).

import { describe, expect, it } from 'vitest';
import { BUILTIN_TRANSFORMATIONS_A } from '../../../src/transforms/builtins-a.js';
import { describeClassProblem, predicateClasses, transformationClasses } from '../../../src/transforms/registry.js';

const T = 'org.apache.kafka.connect.transforms.';
const P = 'org.apache.kafka.connect.transforms.predicates.';

describe('transformation and predicate registry', () => {
  it('registers this half of the SMTs under Kafka’s class names, with Kafka’s version', () => {
    expect(BUILTIN_TRANSFORMATIONS_A.map((entry) => entry.className)).toEqual([
      `${T}Cast$Key`,
      `${T}Cast$Value`,
      `${T}DropHeaders`,
      `${T}ExtractField$Key`,
      `${T}ExtractField$Value`,
      `${T}Filter`,
      `${T}Flatten$Key`,
      `${T}Flatten$Value`,
      `${T}HeaderFrom$Key`,
      `${T}HeaderFrom$Value`,
    ]);
    expect(new Set(BUILTIN_TRANSFORMATIONS_A.map((entry) => entry.version))).toEqual(new Set(['4.1.2']));
    const classes = transformationClasses().entries().map((entry) => entry.className);
    expect(classes).toEqual([...classes].sort());
    for (const entry of BUILTIN_TRANSFORMATIONS_A) expect(classes).toContain(entry.className);
  });

  it('lists the three predicates of KIP-585', () => {
    expect(predicateClasses().entries().map((entry) => entry.className)).toEqual([`${P}HasHeaderKey`, `${P}RecordIsTombstone`, `${P}TopicNameMatches`]);
  });

  it('creates a fresh instance each time', () => {
    const entry = transformationClasses().lookup(`${T}Cast$Value`)!;
    expect(entry.create()).not.toBe(entry.create());
  });

  it('finds classes by full name (trimmed) and by unique simple name', () => {
    expect(transformationClasses().resolve(` ${T}Flatten$Key `)).toBe(`${T}Flatten$Key`);
    expect(transformationClasses().resolve('Filter')).toBe(`${T}Filter`);
    expect(transformationClasses().resolve('DropHeaders')).toBe(`${T}DropHeaders`);
    expect(predicateClasses().resolve('RecordIsTombstone')).toBe(`${P}RecordIsTombstone`);
    expect(predicateClasses().resolve('HasHeaderKey')).toBe(`${P}HasHeaderKey`);
    expect(transformationClasses().aliases().get('Filter')).toBe(`${T}Filter`);
  });

  it('has no alias for $Key/$Value classes or abstract bases, and keeps the kinds apart', () => {
    for (const name of ['Value', 'Key', 'Cast$Value', 'Cast', `${T}Cast`, `${T}Cast.Value`]) expect(transformationClasses().resolve(name)).toBeUndefined();
    expect(transformationClasses().resolve('RecordIsTombstone')).toBeUndefined();
    expect(predicateClasses().resolve('Filter')).toBeUndefined();
  });

  // Messages checked by running Kafka 4.1.2's Utils.ensureConcreteSubclass on these classes.
  it('explains in Kafka’s words why a name is not usable', () => {
    expect(describeClassProblem('transformation', 'transforms.a.type', 'x.Y')).toBe('Invalid value x.Y for configuration transforms.a.type: Class x.Y could not be found.');
    expect(describeClassProblem('transformation', 'transforms.a.type', 'HasHeaderKey')).toBe(`Class class ${P}HasHeaderKey does not implement the Transformation interface`);
    expect(describeClassProblem('predicate', 'predicates.p.type', `${T}Flatten`)).toBe(`Class class ${T}Flatten does not implement the Predicate interface`);
    expect(describeClassProblem('transformation', 'transforms.a.type', `${T}HeaderFrom`)).toBe(
      `This class is abstract and cannot be created. Did you mean ${T}HeaderFrom$Key, ${T}HeaderFrom$Value?`,
    );
  });
});
