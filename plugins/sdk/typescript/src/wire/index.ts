// The plugin protocol's wire layer, shared by the SDK (plugin side) and the worker (host side):
// proto loading, the handshake, go-plugin's controller, and the codecs for values, schemas,
// records and errors. Connector authors do not need this module.

export * from './controller.js';
export * from './error-info.js';
export * from './handshake.js';
export * from './proto-files.js';
export * from './record-codec.js';
export * from './schema-codec.js';
export * from './value-codec.js';
export type * as proto from './protocol-types.js';
