#!/usr/bin/env node
// Process wiring only: the CLI returns an exit code; we never call process.exit here so that
// pending output is flushed first.
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle on disk (in the temp folder; off with
// NODE_DISABLE_COMPILE_CACHE=1), which spares compiling it again at every start. Node 20 has no
// such API and starts as before.
module.enableCompileCache?.();

const { run } = await import('../dist/pullguard.js');
process.exitCode = await run(process.argv.slice(2));
