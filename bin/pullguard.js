#!/usr/bin/env node
// Process wiring only: the CLI returns an exit code; we never call process.exit here so that
// pending output is flushed first.
import module from 'node:module';
import v8 from 'node:v8';

// Node 22.1 and later keep V8's compiled code of the bundle on disk (in the temp folder; off with
// NODE_DISABLE_COMPILE_CACHE=1), which spares compiling it again at every start. Node 20 has no
// such API and starts as before.
module.enableCompileCache?.();

const { run } = await import('../dist/pullguard.js');

// A run of the CLI is short: most of its code runs a few hundred times at most, and TurboFan's
// compiles of the YAML reader with its callees inlined cost more CPU than they saved (recompiled
// after each deoptimization, on the second core that the garbage collector wants too). Without
// inlining a lint of a folder of manifests takes about a quarter less CPU, and of 10,000 documents
// in one file a seventh less (bench/README.md). A compiler heuristic, read at each compile. Set
// here, after the bundle is loaded and before any of its work: V8 then no longer takes Node's
// cached code of its built-in modules (the flags are part of the cache's key), so every built-in
// loaded after this line is compiled afresh (about 10 ms at start-up when set first thing).
v8.setFlagsFromString('--no-turbo-inlining');

process.exitCode = await run(process.argv.slice(2));
