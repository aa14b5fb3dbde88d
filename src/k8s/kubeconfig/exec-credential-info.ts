// The ExecCredential protocol of client-go credential plugins (client.authentication.k8s.io v1 and
// v1beta1), without running anything: what KUBERNETES_EXEC_INFO tells the plugin, and what its
// standard output must hold. gateways/kube/exec-credentials.ts runs the plugin.
import type { KubeconfigCluster, KubeconfigExec } from './kubeconfig-types.js';

export interface ExecCredentialInfo {
  apiVersion: string;
  kind: 'ExecCredential';
  spec: {
    interactive: boolean;
    cluster?: {
      server: string;
      'tls-server-name'?: string;
      'insecure-skip-tls-verify'?: boolean;
      'certificate-authority-data'?: string;
      'proxy-url'?: string;
    };
  };
}

/**
 * The JSON of KUBERNETES_EXEC_INFO. `interactive` is whether the plugin may talk to the user
 * (client-go: interactiveMode Never → no; IfAvailable → when standard input is a terminal). The
 * cluster is sent only with provideClusterInfo, as client-go does.
 */
export function execCredentialInfo(exec: KubeconfigExec, cluster: KubeconfigCluster & { server: string }, interactive: boolean): ExecCredentialInfo {
  const info: ExecCredentialInfo = { apiVersion: exec.apiVersion, kind: 'ExecCredential', spec: { interactive } };
  if (exec.provideClusterInfo) {
    info.spec.cluster = {
      server: cluster.server,
      ...(cluster.tlsServerName === undefined ? {} : { 'tls-server-name': cluster.tlsServerName }),
      ...(cluster.insecureSkipTlsVerify ? { 'insecure-skip-tls-verify': true } : {}),
      ...(cluster.certificateAuthorityData === undefined ? {} : { 'certificate-authority-data': Buffer.from(cluster.certificateAuthorityData).toString('base64') }),
      ...(cluster.proxyUrl === undefined ? {} : { 'proxy-url': cluster.proxyUrl }),
    };
  }
  return info;
}

/** Whether the plugin runs interactively, or why it cannot run at all (interactiveMode Always without a terminal). */
export function execInteractivity(exec: KubeconfigExec, stdinIsTerminal: boolean): { interactive: boolean } | { error: string } {
  const mode = exec.interactiveMode ?? 'IfAvailable';
  if (mode === 'Never') return { interactive: false };
  if (mode === 'Always' && !stdinIsTerminal) return { error: 'exec plugin cannot support interactive mode: standard input is not a terminal' };
  return { interactive: stdinIsTerminal };
}

export interface ExecCredential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** Milliseconds since the epoch; absent: valid for the life of the process. */
  expiresAt?: number;
}

/** The plugin's standard output, checked as client-go checks it; an error message names what is wrong (never a value). */
export function parseExecCredential(stdout: string, apiVersion: string): ExecCredential | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { error: 'decoding stdout: the plugin did not print an ExecCredential as JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'decoding stdout: expected a JSON object' };
  const object = parsed as { apiVersion?: unknown; kind?: unknown; status?: unknown };
  if (object.kind !== 'ExecCredential') return { error: `decoding stdout: expected kind ExecCredential, got ${JSON.stringify(object.kind) ?? 'none'}` };
  if (object.apiVersion !== apiVersion) {
    return { error: `exec plugin is configured to use API version ${apiVersion}, plugin returned version ${typeof object.apiVersion === 'string' ? object.apiVersion : 'none'}` };
  }
  if (object.status === null || typeof object.status !== 'object') return { error: "exec plugin didn't return a status field" };
  const status = object.status as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof status[key] === 'string' && status[key] !== '' ? (status[key] as string) : undefined);
  const credential: ExecCredential = {};
  const token = text('token');
  const cert = text('clientCertificateData');
  const key = text('clientKeyData');
  if (token !== undefined) credential.token = token;
  if (cert !== undefined) credential.clientCertificateData = cert;
  if (key !== undefined) credential.clientKeyData = key;
  if ((cert === undefined) !== (key === undefined)) return { error: 'exec plugin returned only one of clientCertificateData and clientKeyData' };
  if (token === undefined && cert === undefined) return { error: "exec plugin didn't return a token or cert/key pair" };
  const expiration = status.expirationTimestamp;
  if (expiration !== undefined && expiration !== null) {
    const at = typeof expiration === 'string' ? Date.parse(expiration) : Number.NaN;
    if (Number.isNaN(at)) return { error: 'exec plugin returned an expirationTimestamp that is not an RFC 3339 time' };
    credential.expiresAt = at;
  }
  return credential;
}
