#!/usr/bin/env node
// Entry point of the `polyconnect` command: runs the compiled CLI (built by `npm ci` through `prepare`).
import '../dist/cli/main.js';
