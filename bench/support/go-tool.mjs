// Comparison tools built from the Go module proxy into a cache outside the work tree, once per
// pinned version. A tool the proxy refuses is reported as unavailable and the bench goes on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function benchBinDir() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'pullguard', 'bench-bin');
}

/**
 * `module` like `github.com/yannh/kubeconform/cmd/kubeconform`, `version` pinned. Returns
 * `{ path }` or `{ unavailable: reason }`.
 */
export function ensureGoTool(name, module, version) {
  const dir = join(benchBinDir(), `${name}-${version}`);
  const path = join(dir, name);
  if (existsSync(path)) return { path };
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) return { unavailable: 'no Go toolchain on PATH' };
  mkdirSync(dir, { recursive: true });
  console.error(`bench: go install ${module}@${version} (cached in ${dir} once built)`);
  const install = spawnSync('go', ['install', `${module}@${version}`], {
    env: { ...process.env, GOBIN: dir },
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  if (install.status !== 0 || !existsSync(path)) {
    rmSync(dir, { recursive: true, force: true });
    // The last words of go's message say why (e.g. "403 Forbidden": the proxy does not serve it).
    const reason = (install.stderr || String(install.error ?? '')).trim().split('\n').pop().split(': ').pop();
    return { unavailable: `go install ${module}@${version} failed: ${reason}` };
  }
  return { path };
}
