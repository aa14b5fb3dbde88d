// go-containerregistry's `crane`, built by scripts/test-deps.d/25-crane.sh into the user's cache:
// `crane registry serve` as the suite's second registry implementation, and the crane CLI to push
// images the way pipelines make them (`crane append` without a base, `crane mutate --set-platform`,
// `crane index append`) to either registry.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../control-plane/repo-root.js';
import { superviseRegistry, type SupervisedRegistry } from './supervised-registry.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

let cachedPath: string | undefined;

/** The crane binary the installer put in place (PULLGUARD_CRANE overrides it). */
export function cranePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PULLGUARD_CRANE !== undefined && env.PULLGUARD_CRANE !== '') return env.PULLGUARD_CRANE;
  if (cachedPath !== undefined) return cachedPath;
  const script = join(repoRoot(), 'scripts/test-deps.d/25-crane.sh');
  const path = execFileSync('bash', [script, '--print-path'], { encoding: 'utf8' }).trim();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`crane is not built at ${path}; run scripts/test-deps.d/25-crane.sh`);
  }
  cachedPath = path;
  return path;
}

/** One request as `crane registry serve` logs it: status and error code only for error answers. */
export interface CraneLoggedRequest {
  method: string;
  uri: string;
  /** Present when the registry answered with an error (it logs nothing else about successes). */
  status?: number;
  errorCode?: string;
}

export type RunningCraneRegistry = SupervisedRegistry<CraneLoggedRequest>;

// `log.Printf("serving on port %s", port)` in cmd/crane/cmd/serve.go; requests are logged by
// pkg/registry as "<method> <url>" or "<method> <url> <status> <code> <message>".
const SERVING = /serving on port (\d+)/;
const REQUEST = /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d (GET|HEAD|POST|PUT|PATCH|DELETE) (\S+)(?: (\d{3}) (\S+))?/;

/**
 * `crane registry serve` on a free loopback port. Manifests live in the process's memory; blobs go
 * to `--disk` inside the scratch directory, which also puts that directory on its command line for
 * the watchdog to recognise it by.
 */
export async function startCraneRegistry(): Promise<RunningCraneRegistry> {
  const crane = cranePath();
  const dir = makeTempDir('crane-registry');
  const blobs = join(dir, 'blobs');
  // The disk blob handler writes its uploads into this directory and does not create it.
  mkdirSync(blobs);
  const child: ChildProcess = spawn(crane, ['registry', 'serve', '--address', '127.0.0.1:0', '--disk', blobs], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return superviseRegistry<CraneLoggedRequest>(child, dir, {
    name: 'crane registry serve',
    installScript: 'scripts/test-deps.d/25-crane.sh',
    ready: SERVING,
    readyWords: 'serving on port',
    scheme: 'http',
    parseRequest(line) {
      const request = REQUEST.exec(line);
      if (request?.[1] === undefined || request[2] === undefined) return undefined;
      const entry: CraneLoggedRequest = { method: request[1], uri: request[2] };
      if (request[3] !== undefined) entry.status = Number(request[3]);
      if (request[4] !== undefined) entry.errorCode = request[4];
      return entry;
    },
  });
}

/**
 * Runs the crane CLI against a plain-HTTP loopback registry (crane talks HTTP to 127.0.0.1 by
 * itself) with an empty Docker config, so no credential of the machine is read; resolves to its
 * stdout. Asynchronous on purpose: the registries log to pipes this process drains, and a blocking
 * child would stall a registry whose pipe fills up, and so the push.
 */
export function runCrane(args: readonly string[], dockerConfigDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cranePath(), [...args], { env: { ...process.env, DOCKER_CONFIG: dockerConfigDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8').trim());
      else reject(new Error(`crane ${args.join(' ')} exited with ${code}: ${Buffer.concat(stderr).toString('utf8').trim()}`));
    });
  });
}

/** What the crane-made images are, by repository (all tagged `v1`). */
export interface CraneImages {
  /** `crane append` without a base: Docker media types, a config with `"os": ""` and `"architecture": ""`. */
  bare: string;
  /** The same, `crane mutate --set-platform linux/arm64`. */
  arm64: string;
  /** The same, `crane mutate --set-platform linux/amd64`. */
  amd64: string;
  /** `crane index append` of arm64 and amd64: an OCI index whose entries carry the platforms. */
  index: string;
  /** `crane index append` of arm64 and bare: the bare entry has no platform (crane infers none). */
  indexWithUnnamed: string;
}

/** Pushes the crane-made images to `host` (any registry) under `<prefix>/crane-*:v1`; returns their digests. */
export async function pushCraneImages(host: string, prefix = 'test'): Promise<{ repositories: CraneImages; digests: CraneImages }> {
  const scratch = makeTempDir('crane-images');
  try {
    const config = join(scratch, 'docker-config');
    mkdirSync(config);
    writeFileSync(join(config, 'config.json'), '{}');
    const layer = join(scratch, 'layer.tar');
    writeFileSync(join(scratch, 'hello.txt'), 'hello from a crane-made layer\n');
    execFileSync('tar', ['--sort=name', '--mtime=2020-01-01 00:00Z', '--owner=0', '--group=0', '--numeric-owner', '-cf', layer, '-C', scratch, 'hello.txt']);
    const repositories: CraneImages = {
      bare: `${prefix}/crane-bare`,
      arm64: `${prefix}/crane-arm64`,
      amd64: `${prefix}/crane-amd64`,
      index: `${prefix}/crane-index`,
      indexWithUnnamed: `${prefix}/crane-index-unnamed`,
    };
    const ref = (repository: string): string => `${host}/${repository}:v1`;
    const digestOf = (printed: string): string => printed.slice(printed.lastIndexOf('@') + 1);
    const crane = (...args: string[]): Promise<string> => runCrane(args, config);
    const bare = digestOf(await crane('append', '-f', layer, '-t', ref(repositories.bare)));
    await crane('mutate', '--set-platform', 'linux/arm64', ref(repositories.bare), '-t', ref(repositories.arm64));
    await crane('mutate', '--set-platform', 'linux/amd64', ref(repositories.bare), '-t', ref(repositories.amd64));
    // Children are pulled from their own repositories and pushed into the index's by digest.
    await crane('index', 'append', '-m', ref(repositories.arm64), '-m', ref(repositories.amd64), '-t', ref(repositories.index));
    await crane('index', 'append', '-m', ref(repositories.arm64), '-m', ref(repositories.bare), '-t', ref(repositories.indexWithUnnamed));
    const digests: CraneImages = {
      bare,
      arm64: await crane('digest', ref(repositories.arm64)),
      amd64: await crane('digest', ref(repositories.amd64)),
      index: await crane('digest', ref(repositories.index)),
      indexWithUnnamed: await crane('digest', ref(repositories.indexWithUnnamed)),
    };
    return { repositories, digests };
  } finally {
    removeTempDir(scratch);
  }
}
