// Package wire is the plugin protocol's data encoding (docs/plugin-protocol.md sections 6 and 7):
// Connect values as JSON text against their schema, schemas as proto messages, the per-batch
// schema table, source and sink record batches, source partitions and offsets, and errors as
// gRPC status with ErrorInfo. The only code in the SDK besides the runtime that touches the
// generated proto types.
package wire
