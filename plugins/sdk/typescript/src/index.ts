// @polyconnect/sdk: write Kafka Connect compatible connectors in TypeScript.
//
//   import { serve, SourceConnector, SourceTask, ConfigDef, STRING_SCHEMA } from '@polyconnect/sdk';
//   class MySource extends SourceConnector { ... }
//   await serve({ name: 'my-plugin', version: '1.0.0', connectors: [MySource] });
//
// Connect's data model (Schema, SchemaBuilder, Struct, logical types, records), configuration
// definitions (ConfigDef), the connector and task base classes, and serve().

export * from './config/index.js';
export * from './connector.js';
export * from './data/index.js';
export { createLogger, log, type LogLevel, type Logger } from './runtime/logger.js';
export { serve, type ServeOptions, type ServingPlugin } from './runtime/serve.js';
