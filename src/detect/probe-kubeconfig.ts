// Probe P0 (detection.md §4): what the kubeconfig context says, offline. Names are user-editable, so
// a tool's default name is at most strong (B) and never identity (§1c); the cluster entry's name
// survives `kubectl config rename-context` (§1a kind), so it is read before the context's. Server
// host suffixes of managed services are identity; a loopback server proves nothing alone (§1c).
// A cloud's exec credential plugin vetoes "local" even behind a localhost tunnel (§4 P0).
import type { ClusterContext } from '../facts/cluster-snapshot.js';
import type { ClusterType, Platform } from './cluster-type.js';
import { hint, identity, strong, veto, type Evidence } from './evidence.js';

interface NameRule {
  test: (name: string) => boolean;
  supports: ClusterType;
  /** `identity` for names only the vendor's CLI writes (detection.md §1b "A-"). */
  strength: 'identity' | 'strong' | 'hint';
  why: string;
}

/** detection.md §1a/§1b kubeconfig columns, Tilt's and Skaffold's name lists (§2). */
const NAME_RULES: readonly NameRule[] = [
  { test: (n) => n.startsWith('arn:aws:eks:'), supports: 'eks', strength: 'identity', why: 'written by `aws eks update-kubeconfig`' },
  { test: (n) => /\.eksctl\.io$/.test(n), supports: 'eks', strength: 'identity', why: 'written by eksctl' },
  { test: (n) => /^gke_[^_]+_[^_]+_.+/.test(n), supports: 'gke', strength: 'identity', why: 'written by `gcloud container clusters get-credentials`' },
  { test: (n) => n === 'docker-desktop' || n === 'docker-for-desktop' || n === 'docker-for-desktop-cluster', supports: 'docker-desktop', strength: 'strong', why: "Docker Desktop's default name" },
  { test: (n) => n.startsWith('kind-') || n.endsWith('@kind'), supports: 'kind', strength: 'strong', why: "kind's default name: kind-NAME, NAME@kind before kind 0.6" },
  { test: (n) => n.startsWith('k3d-'), supports: 'k3d', strength: 'strong', why: "k3d's default name" },
  { test: (n) => n === 'minikube', supports: 'minikube', strength: 'strong', why: "minikube's default profile name" },
  { test: (n) => n === 'microk8s' || n === 'microk8s-cluster', supports: 'microk8s', strength: 'strong', why: "MicroK8s' default name" },
  { test: (n) => n === 'rancher-desktop', supports: 'rancher-desktop', strength: 'strong', why: "Rancher Desktop's default name" },
  { test: (n) => n === 'orbstack', supports: 'orbstack', strength: 'strong', why: "OrbStack's default name" },
  { test: (n) => n === 'colima' || n.startsWith('colima-'), supports: 'colima', strength: 'strong', why: "Colima's default name: colima or colima-PROFILE" },
  { test: (n) => /^do-[a-z]+\d+-/.test(n), supports: 'doks', strength: 'strong', why: "doctl's default name: do-REGION-NAME" },
  { test: (n) => /^lke\d+(-ctx)?$/.test(n), supports: 'lke', strength: 'strong', why: "Linode's default name: lkeID-ctx" },
  { test: (n) => /^api-crc-testing:6443$|\/api-crc-testing:6443\//.test(n), supports: 'openshift', strength: 'strong', why: 'OpenShift Local (CRC) default name' },
  { test: (n) => /^[^/]+\/api-[a-z0-9-]+:6443\/[^/]+$/.test(n), supports: 'openshift', strength: 'strong', why: '`oc login` names contexts NAMESPACE/API-HOST:6443/USER' },
  { test: (n) => n === 'default', supports: 'k3s', strength: 'hint', why: "k3s' kubeconfig names its context default (so do others)" },
];

interface HostRule {
  test: (host: string) => boolean;
  supports: ClusterType;
  strength: 'identity' | 'strong';
  platform?: Platform;
}

/** detection.md §1b `srv` column and "Other clouds"; §1a Docker Desktop, CRC. */
const HOST_RULES: readonly HostRule[] = [
  { test: (h) => /\.azmk8s\.io$/.test(h), supports: 'aks', strength: 'identity', platform: 'azure' },
  { test: (h) => /\.eks\.amazonaws\.com(\.cn)?$/.test(h), supports: 'eks', strength: 'identity', platform: 'aws' },
  { test: (h) => /\.gke\.goog$/.test(h), supports: 'gke', strength: 'identity', platform: 'gcp' },
  { test: (h) => /\.k8s\.ondigitalocean\.com$/.test(h), supports: 'doks', strength: 'identity', platform: 'digitalocean' },
  { test: (h) => /\.linodelke\.net$/.test(h), supports: 'lke', strength: 'identity', platform: 'linode' },
  { test: (h) => /\.api\.k8s\.[a-z0-9-]+\.scw\.cloud$/.test(h), supports: 'scaleway', strength: 'identity', platform: 'scaleway' },
  // detection.md marks the IKS host as unverified: strong, not identity.
  { test: (h) => /\.containers\.cloud\.ibm\.com$/.test(h), supports: 'iks', strength: 'strong', platform: 'ibm' },
  { test: (h) => /\.openshiftapps\.com$/.test(h), supports: 'openshift', strength: 'identity', platform: 'aws' },
  { test: (h) => /\.aroapp\.io$/.test(h), supports: 'openshift', strength: 'identity', platform: 'azure' },
  { test: (h) => h === 'api.crc.testing', supports: 'openshift', strength: 'strong' },
  { test: (h) => h === 'kubernetes.docker.internal', supports: 'docker-desktop', strength: 'strong' },
  { test: (h) => /\.vultr-k8s\.com$/.test(h), supports: 'unknown-remote', strength: 'identity', platform: 'vultr' },
  { test: (h) => /\.k8s\.civo\.com$/.test(h), supports: 'unknown-remote', strength: 'identity', platform: 'civo' },
  { test: (h) => /\.sks-[a-z0-9-]+\.exo\.io$/.test(h), supports: 'unknown-remote', strength: 'identity', platform: 'exoscale' },
  { test: (h) => /\.k8s\.ovh\.net$/.test(h), supports: 'unknown-remote', strength: 'identity', platform: 'openstack' },
];

/** The fixed server app id of AKS' Entra ID integration (detection.md §1b AKS, [E18]). */
const AKS_SERVER_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';

export function probeKubeconfig(context: ClusterContext): Evidence[] {
  return [...nameEvidence(context), ...serverEvidence(context.cluster.server), ...execEvidence(context)];
}

function nameEvidence(context: ClusterContext): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<ClusterType>();
  // The cluster entry first: rename-context leaves it alone.
  const names: [string, string][] = [
    ['cluster name', context.cluster.name],
    ['context name', context.name],
  ];
  for (const [key, name] of names) {
    const rule = NAME_RULES.find((candidate) => candidate.test(name));
    if (rule === undefined || seen.has(rule.supports)) continue;
    seen.add(rule.supports);
    const make = rule.strength === 'identity' ? identity : rule.strength === 'strong' ? strong : hint;
    out.push(make('kubeconfig', key, `${name} (${rule.why})`, rule.supports));
  }
  // Users written by `az aks get-credentials` (detection.md §1b AKS).
  if (/^cluster(User|Admin)_[^_]+_.+/.test(context.user.name)) {
    out.push(strong('kubeconfig', 'user name', `${context.user.name} (written by \`az aks get-credentials\`)`, 'aks'));
  }
  return out;
}

/** Host and port of the server URL; undefined when it is not a URL. */
export function serverAddress(server: string): { host: string; port: number | undefined } | undefined {
  try {
    const url = new URL(server);
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return { host, port: url.port === '' ? undefined : Number(url.port) };
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(host: string): boolean {
  // k3d writes https://0.0.0.0:PORT into kubeconfigs: clients connect to this machine.
  return host === 'localhost' || host === '::1' || host === '0.0.0.0' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isPrivateIpv4(host: string): boolean {
  return /^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host) || /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(host);
}

function serverEvidence(server: string): Evidence[] {
  const address = serverAddress(server);
  if (address === undefined) return [];
  const { host, port } = address;
  const out: Evidence[] = [];
  const rule = HOST_RULES.find((candidate) => candidate.test(host));
  if (rule !== undefined) {
    const make = rule.strength === 'identity' ? identity : strong;
    out.push(make('kubeconfig', 'server host', host, rule.supports, rule.platform === undefined ? {} : { platform: rule.platform }));
  }
  if (isLoopbackHost(host)) {
    // Port-forwards and tunnels look the same: a hint, never more (detection.md §1c).
    out.push(hint('kubeconfig', 'server host', `${host} (loopback: this machine, or a tunnel)`, 'local'));
    if (port === 26443) out.push(hint('kubeconfig', 'server port', '26443 (OrbStack\'s port)', 'orbstack'));
    if (port === 6443) out.push(hint('kubeconfig', 'server port', '6443 on loopback (k3s\' default)', 'k3s'));
  } else if (/^\d+\.\d+\.\d+\.\d+$/.test(host) && !isPrivateIpv4(host)) {
    out.push(hint('kubeconfig', 'server host', `${host} (a public address)`, 'remote'));
  }
  if (port === 16443) out.push(hint('kubeconfig', 'server port', "16443 (MicroK8s' port)", 'microk8s'));
  if (host === '192.168.49.2' && port === 8443) out.push(hint('kubeconfig', 'server address', "192.168.49.2:8443 (minikube's docker-driver default)", 'minikube'));
  return out;
}

function execEvidence(context: ClusterContext): Evidence[] {
  const exec = context.user.exec;
  if (exec === null) return [];
  const command = exec.command.split(/[\\/]/).pop()!.replace(/\.exe$/i, '');
  const args = exec.args;
  const shown = [command, ...args].join(' ');
  const cloud = (supports: ClusterType, why: string, weight = 6): Evidence =>
    veto('kubeconfig', 'exec plugin', `${shown} (${why})`, ['local'], supports, weight);
  const has = (...words: string[]) => words.every((word) => args.includes(word));
  switch (command) {
    case 'aws':
      return has('eks', 'get-token') ? [cloud('eks', "AWS' EKS token")] : [];
    case 'aws-iam-authenticator':
      return [cloud('eks', 'IAM authenticator for EKS')];
    case 'gke-gcloud-auth-plugin':
      return [cloud('gke', "Google's GKE plugin")];
    case 'kubelogin':
      return args.includes(AKS_SERVER_ID) ? [cloud('aks', "AKS' Entra ID server app id")] : [cloud('aks', "Azure's kubelogin", 3)];
    case 'doctl':
      return has('kubernetes', 'cluster') ? [cloud('doks', "DigitalOcean's doctl")] : [];
    case 'oci':
      return has('ce', 'cluster', 'generate-token') ? [cloud('oke', "Oracle's OCI CLI")] : [];
    case 'ibmcloud':
      return [cloud('iks', "IBM Cloud's CLI", 3)];
    default:
      return [];
  }
}
