// Configuration definitions, validators and errors.

export * from './config-def.js';
export * from './config-exception.js';
export * from './validators.js';
