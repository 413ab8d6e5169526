// The jdbc plugin's version, reported by its connectors and tasks.
export const PLUGIN_VERSION = '0.1.0';
