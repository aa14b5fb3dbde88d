#!/usr/bin/env node
// Process wiring only: the CLI returns an exit code; we never call process.exit here so that
// pending output is flushed first.
import module from 'node:module';
import v8 from 'node:v8';

// A run of the CLI is short: most of its code runs a few hundred times at most, and TurboFan's
// compiles of the YAML reader with its callees inlined cost more CPU than they save (a third of
// the process's CPU time on a folder of manifests: recompiled after each deoptimization, on the
// second core that the garbage collector wants too). Without inlining, the same run takes about
// a fifth less CPU, and 10,000 documents in one file too (bench/README.md). A compiler heuristic
// only, read at each compile; set before any of the CLI's code runs.
v8.setFlagsFromString('--no-turbo-inlining');

// Node 22.1 and later keep V8's compiled code of the bundle on disk (in the temp folder; off with
// NODE_DISABLE_COMPILE_CACHE=1), which spares compiling it again at every start. Node 20 has no
// such API and starts as before.
module.enableCompileCache?.();

const { run } = await import('../dist/pullguard.js');
process.exitCode = await run(process.argv.slice(2));
