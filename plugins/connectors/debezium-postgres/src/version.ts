// The debezium-postgres plugin's version, reported by its connector and task and in each
// record's source.version.
export const PLUGIN_VERSION = '0.1.0';
