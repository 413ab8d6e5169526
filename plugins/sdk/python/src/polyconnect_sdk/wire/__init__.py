"""The plugin protocol's wire formats: handshake, JSON value encoding, schema and record codecs, errors."""
