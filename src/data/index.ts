// Connect's data model for the worker. The model itself lives in the TypeScript SDK (as Kafka's
// connect-api does for the runtime): schemas, structs, logical types, records, headers.

export * from '@polyconnect/sdk';
