// The benchmark's outside programs: Debian's docker-registry (the registry under test), skopeo (the
// baseline) and openssl (the fixtures' certificates). Missing ones are installed with apt-get when
// running as root; otherwise the run stops with the command to run.
import { spawnSync } from 'node:child_process';

const TOOLS = [
  { command: 'docker-registry', versionArgs: ['--version'], pkg: 'docker-registry' },
  { command: 'skopeo', versionArgs: ['--version'], pkg: 'skopeo' },
  { command: 'openssl', versionArgs: ['version'], pkg: 'openssl' },
];

function version(tool) {
  const run = spawnSync(tool.command, tool.versionArgs, { encoding: 'utf8' });
  return run.error === undefined && run.status === 0 ? run.stdout.trim() : undefined;
}

function apt(args) {
  const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return run.status === 0;
}

/** Version line of each tool, installing the missing ones first; exits 2 when that is not possible. */
export function ensureTools() {
  const missing = TOOLS.filter((tool) => version(tool) === undefined);
  if (missing.length > 0) {
    const packages = missing.map((t) => t.pkg);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!root) {
      console.error(`registry-check: missing ${missing.map((t) => t.command).join(', ')}; install with: sudo apt-get install -y ${packages.join(' ')}`);
      process.exit(2);
    }
    console.error(`registry-check: installing ${packages.join(' ')} with apt-get`);
    // A fresh machine has no package lists yet: update only when the first install attempt fails.
    const installed = apt(['install', '-y', '--no-install-recommends', ...packages]) || (apt(['update']) && apt(['install', '-y', '--no-install-recommends', ...packages]));
    if (!installed || missing.some((tool) => version(tool) === undefined)) {
      console.error(`registry-check: apt-get could not install ${packages.join(' ')}`);
      process.exit(2);
    }
  }
  return Object.fromEntries(TOOLS.map((tool) => [tool.command, version(tool)]));
}
