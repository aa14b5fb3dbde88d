#!/usr/bin/env node
// Process wiring only: the CLI returns an exit code; we never call process.exit here so that
// pending output is flushed first.
import { run } from '../dist/pullguard.js';

process.exitCode = await run(process.argv.slice(2));
