// kubeconfig files, client certificates and exec credential plugins for the gateway's tests, made
// against a running test control plane (test/support/control-plane).
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ControlPlane } from './control-plane/index.js';

const run = promisify(execFile);

/** A client certificate signed by the control plane's CA (CN = user, O = groups), as PEM. */
export async function clientCertificate(cp: ControlPlane, dir: string, user: string, groups: readonly string[] = []): Promise<{ cert: string; key: string; certPath: string; keyPath: string }> {
  await mkdir(dir, { recursive: true });
  const keyPath = join(dir, `${user}.key`);
  const csrPath = join(dir, `${user}.csr`);
  const certPath = join(dir, `${user}.crt`);
  const subject = `/CN=${user}${groups.map((g) => `/O=${g}`).join('')}`;
  await run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', csrPath, '-subj', subject]);
  const pki = join(cp.dir, 'pki');
  await run('openssl', ['x509', '-req', '-in', csrPath, '-CA', join(pki, 'ca.crt'), '-CAkey', join(pki, 'ca.key'), '-CAcreateserial', '-days', '1', '-out', certPath]);
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), certPath, keyPath };
}

/**
 * An exec credential plugin as a small node script. It appends one line per run to `runsFile`
 * (with the KUBERNETES_EXEC_INFO it got) and prints `output` (an ExecCredential, or anything), or
 * fails with `exitCode` after writing `stderr`.
 */
export async function writeExecPlugin(
  path: string,
  behaviour: { output?: unknown; exitCode?: number; stderr?: string; delayMs?: number },
  runsFile: string,
): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const script = `#!${process.execPath}
const { appendFileSync } = require('node:fs');
appendFileSync(${JSON.stringify(runsFile)}, JSON.stringify({ info: process.env.KUBERNETES_EXEC_INFO ?? null, extra: process.env.PLUGIN_EXTRA ?? null, argv: process.argv.slice(2) }) + '\\n');
setTimeout(() => {
  ${behaviour.stderr === undefined ? '' : `process.stderr.write(${JSON.stringify(behaviour.stderr)});`}
  ${behaviour.output === undefined ? '' : `process.stdout.write(${JSON.stringify(typeof behaviour.output === 'string' ? behaviour.output : JSON.stringify(behaviour.output))});`}
  process.exitCode = ${behaviour.exitCode ?? 0};
}, ${behaviour.delayMs ?? 0});
`;
  await writeFile(path.endsWith('.cjs') ? path : path, script);
  await chmod(path, 0o755);
  return path;
}

export function tokenCredential(token: string, apiVersion = 'client.authentication.k8s.io/v1', expirationTimestamp?: string): unknown {
  return { apiVersion, kind: 'ExecCredential', status: { token, ...(expirationTimestamp === undefined ? {} : { expirationTimestamp }) } };
}

/** kubeconfig as JSON (valid YAML). */
export async function writeJsonKubeconfig(path: string, config: unknown): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  return path;
}

export function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}
