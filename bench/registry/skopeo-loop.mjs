// The baseline: what a shell loop over `skopeo inspect --raw` costs per image, run one after the
// other as a CI script would. Each run is a new process with its own token request and connection.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Exit status and last stderr line; asynchronous, because the token server runs in this process. */
function run(command, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: null, stderr: error.message }));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/**
 * Runs skopeo once per reference, one after the other; returns the wall time and whether each
 * found its image. `certDir` holds the registry's CA (`ca.crt`); without it TLS verification is
 * off, which lets skopeo talk plain HTTP.
 */
export async function skopeoLoop(host, references, { user, password, certDir }) {
  const tls = certDir === undefined ? ['--tls-verify=false'] : ['--cert-dir', certDir];
  const outcomes = [];
  const started = performance.now();
  for (const { repository, tag, present } of references) {
    const { status, stderr } = await run('skopeo', ['inspect', '--raw', '--creds', `${user}:${password}`, ...tls, `docker://${host}/${repository}:${tag}`], 30_000);
    outcomes.push({ present, found: status === 0, stderr: stderr.trim().split('\n').at(-1) ?? '' });
  }
  return { wallMs: performance.now() - started, outcomes };
}
