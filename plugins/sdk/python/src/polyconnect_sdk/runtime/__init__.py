"""The plugin runtime: serve() and the plugin side of each gRPC service."""
