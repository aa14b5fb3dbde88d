// Probe P3 (detection.md §4): every node, not `node[0]` (§1c: markers can sit on some nodes only,
// and list order is arbitrary). The reliable triple is providerID scheme + vendor label prefix +
// version suffix; osImage and well-known names follow. The same marker on many nodes is one piece
// of evidence ("on 3 of 5 nodes"), so a big cluster does not outvote a small one.
import type { Node } from 'kubernetes-types/core/v1.js';
import type { ClusterFact } from '../facts/cluster-reader.js';
import type { ClusterType, Platform } from './cluster-type.js';
import { hint, identity, strong, unreadable, veto, type Evidence, type Supports } from './evidence.js';
import { versionEvidence } from './probe-version.js';

interface SchemeRule {
  supports: Supports;
  platform?: Platform;
}

/**
 * `spec.providerID` schemes (detection.md §1, §1b "Other clouds"; [K2][M1]). A cloud's scheme names
 * the infrastructure, not its managed service: self-managed clusters on EC2 carry `aws://` too (§0.5).
 * DigitalOcean's scheme is `digitalocean://`, never `do://` ([E29]).
 */
const PROVIDER_SCHEMES: Readonly<Record<string, SchemeRule>> = {
  kind: { supports: 'kind' },
  k3s: { supports: 'k3s' },
  rke2: { supports: 'rke2' },
  aws: { supports: 'unknown-remote', platform: 'aws' },
  gce: { supports: 'unknown-remote', platform: 'gcp' },
  azure: { supports: 'unknown-remote', platform: 'azure' },
  moc: { supports: 'unknown-remote', platform: 'azure-stack-hci' },
  digitalocean: { supports: 'unknown-remote', platform: 'digitalocean' },
  linode: { supports: 'unknown-remote', platform: 'linode' },
  oci: { supports: 'unknown-remote', platform: 'oci' },
  ibm: { supports: 'unknown-remote', platform: 'ibm' },
  scaleway: { supports: 'unknown-remote', platform: 'scaleway' },
  hcloud: { supports: 'hetzner', platform: 'hetzner' },
  hrobot: { supports: 'hetzner', platform: 'hetzner' },
  vultr: { supports: 'unknown-remote', platform: 'vultr' },
  civo: { supports: 'unknown-remote', platform: 'civo' },
  exoscale: { supports: 'unknown-remote', platform: 'exoscale' },
  openstack: { supports: 'unknown-remote', platform: 'openstack' },
  vsphere: { supports: 'unknown-remote', platform: 'vsphere' },
  alicloud: { supports: 'unknown-remote', platform: 'alibaba' },
};

/** Vendor label and annotation prefixes, most specific first (detection.md §1; [R1][M1]). */
const LABEL_PREFIXES: readonly { prefix: string; supports: ClusterType; platform?: Platform }[] = [
  { prefix: 'minikube.k8s.io/', supports: 'minikube' },
  { prefix: 'microk8s.io/', supports: 'microk8s' },
  { prefix: 'node.kubernetes.io/microk8s-', supports: 'microk8s' },
  { prefix: 'eks.amazonaws.com/', supports: 'eks', platform: 'aws' },
  { prefix: 'alpha.eksctl.io/', supports: 'eks', platform: 'aws' },
  { prefix: 'cloud.google.com/gke-', supports: 'gke', platform: 'gcp' },
  { prefix: 'node.gke.io/', supports: 'gke', platform: 'gcp' },
  { prefix: 'topology.gke.io/', supports: 'gke', platform: 'gcp' },
  { prefix: 'kubernetes.azure.com/', supports: 'aks', platform: 'azure' },
  { prefix: 'node.openshift.io/', supports: 'openshift' },
  { prefix: 'machineconfiguration.openshift.io/', supports: 'openshift' },
  { prefix: 'doks.digitalocean.com/', supports: 'doks', platform: 'digitalocean' },
  { prefix: 'lke.linode.com/', supports: 'lke', platform: 'linode' },
  { prefix: 'oke.oraclecloud.com/', supports: 'oke', platform: 'oci' },
  { prefix: 'oci.oraclecloud.com/', supports: 'oke', platform: 'oci' },
  { prefix: 'ibm-cloud.kubernetes.io/', supports: 'iks', platform: 'ibm' },
  { prefix: 'k8s.scaleway.com/', supports: 'scaleway', platform: 'scaleway' },
];

/** Annotations written by k3s and RKE2 themselves (detection.md §1a k3s). */
const ANNOTATION_PREFIXES: readonly { prefix: string; supports: ClusterType }[] = [
  { prefix: 'k3s.io/', supports: 'k3s' },
  { prefix: 'rke2.io/', supports: 'rke2' },
];

/** osImage values written by the product (detection.md §1a, §4 P3 "A-"). */
const OS_IMAGES: Readonly<Record<string, ClusterType>> = {
  'Docker Desktop': 'docker-desktop',
  OrbStack: 'orbstack',
  'K3s dev': 'k3d',
};

/** Well-known node names (detection.md §1a/§1b, strength B; `ip-…compute.internal` only C). */
const NODE_NAMES: readonly { pattern: RegExp; supports: Supports; strength: 'strong' | 'hint'; platform?: Platform }[] = [
  { pattern: /^desktop-(control-plane|worker\d*)$/, supports: 'docker-desktop', strength: 'strong' },
  { pattern: /^docker-desktop$/, supports: 'docker-desktop', strength: 'strong' },
  { pattern: /^minikube(-m\d+)?$/, supports: 'minikube', strength: 'strong' },
  { pattern: /^k3d-.+-(server|agent)-\d+$/, supports: 'k3d', strength: 'strong' },
  { pattern: /^lima-rancher-desktop$/, supports: 'rancher-desktop', strength: 'strong' },
  { pattern: /^orbstack$/, supports: 'orbstack', strength: 'strong' },
  { pattern: /^colima(-[a-z0-9-]+)?$/, supports: 'colima', strength: 'strong' },
  { pattern: /^gke-.+-[0-9a-f]{8}-[a-z0-9]{4}$/, supports: 'gke', strength: 'strong', platform: 'gcp' },
  { pattern: /^aks-[a-z0-9]+-\d+-vmss[0-9a-z]{6}$/, supports: 'aks', strength: 'strong', platform: 'azure' },
  { pattern: /^lke\d+-\d+-[0-9a-f]+$/, supports: 'lke', strength: 'strong', platform: 'linode' },
  { pattern: /^scw-.+/, supports: 'scaleway', strength: 'strong', platform: 'scaleway' },
  { pattern: /^ip-\d+-\d+-\d+-\d+\.([a-z0-9-]+\.)?(compute|ec2)\.internal$/, supports: 'unknown-remote', strength: 'hint', platform: 'aws' },
  { pattern: /-(control-plane|worker\d*)$/, supports: 'kind', strength: 'hint' },
];

/** Control-plane nodes are listed by self-managed clusters, never by managed services (detection.md §1c, [R1]). */
const MANAGED_SERVICES: readonly ClusterType[] = ['eks', 'gke', 'aks', 'doks', 'lke', 'oke', 'iks', 'scaleway'];

interface Observation {
  evidence: Evidence;
  node: string;
}

export function probeNodes(fact: ClusterFact<Node[]>): Evidence[] {
  if (!('value' in fact)) return [unreadable('nodes', 'nodes', fact.unknown)];
  const nodes = fact.value;
  if (nodes.length === 0) return [unreadable('nodes', 'nodes', 'the cluster lists no nodes')];
  const observations = nodes.flatMap((node) => observe(node).map((evidence) => ({ evidence, node: node.metadata?.name ?? '' })));
  return group(observations, nodes.length);
}

function observe(node: Node): Evidence[] {
  const out: Evidence[] = [];
  const name = node.metadata?.name ?? '';
  const labels = node.metadata?.labels ?? {};
  const annotations = node.metadata?.annotations ?? {};
  const info = node.status?.nodeInfo;

  const providerID = node.spec?.providerID;
  if (providerID !== undefined && providerID !== '') {
    const scheme = /^([a-z0-9]+):\/\//.exec(providerID)?.[1] ?? (providerID.startsWith('ocid1.instance.') ? 'oci' : undefined);
    const rule = scheme === undefined ? undefined : PROVIDER_SCHEMES[scheme];
    if (rule !== undefined) out.push(identity('nodes', 'providerID', providerID, rule.supports, rule.platform === undefined ? {} : { platform: rule.platform }));
  }
  for (const key of Object.keys(labels)) {
    const rule = LABEL_PREFIXES.find((candidate) => key.startsWith(candidate.prefix));
    if (rule !== undefined) out.push(identity('nodes', `label ${rule.prefix}*`, `${key}=${labels[key]}`, rule.supports, rule.platform === undefined ? {} : { platform: rule.platform }));
  }
  if (labels['node.kubernetes.io/instance-type'] === 'k3s') {
    // k3s' cloud provider reports its program name as the instance type (detection.md §1a k3s, [K3]).
    out.push(identity('nodes', 'label node.kubernetes.io/instance-type', 'k3s', 'k3s'));
  }
  for (const key of Object.keys(annotations)) {
    const label = LABEL_PREFIXES.find((candidate) => key.startsWith(candidate.prefix));
    if (label !== undefined) out.push(identity('nodes', `annotation ${label.prefix}*`, key, label.supports));
    const rule = ANNOTATION_PREFIXES.find((candidate) => key.startsWith(candidate.prefix));
    if (rule !== undefined) out.push(strong('nodes', `annotation ${rule.prefix}*`, key, rule.supports));
  }
  const osImage = info?.osImage;
  if (osImage !== undefined && OS_IMAGES[osImage] !== undefined) out.push(identity('nodes', 'osImage', osImage, OS_IMAGES[osImage]));
  if (info?.kubeletVersion !== undefined) out.push(...versionEvidence('nodes', 'kubelet version', info.kubeletVersion));
  const runtime = info?.containerRuntimeVersion;
  if (runtime !== undefined && /^containerd:\/\/.*-k3s\d+$/.test(runtime)) out.push(hint('nodes', 'container runtime', runtime, 'k3s'));

  const nameRule = NODE_NAMES.find((candidate) => candidate.pattern.test(name));
  if (nameRule !== undefined) {
    const make = nameRule.strength === 'strong' ? strong : hint;
    out.push(make('nodes', 'node name', name, nameRule.supports, nameRule.platform === undefined ? {} : { platform: nameRule.platform }));
  }
  if ('node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels) {
    out.push(veto('nodes', 'control-plane node', name, MANAGED_SERVICES));
  }
  for (const address of node.status?.addresses ?? []) {
    if (address.type === 'ExternalIP' && isPublicIpv4(address.address)) {
      out.push(hint('nodes', 'ExternalIP', address.address, 'remote'));
      break;
    }
  }
  return out;
}

function isPublicIpv4(address: string): boolean {
  const match = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(address);
  if (match === null) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  if (a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return false;
  return !(a === 100 && b >= 64 && b <= 127);
}

/** One piece of evidence per marker, with an example and how many nodes carry it. */
function group(observations: readonly Observation[], total: number): Evidence[] {
  const groups = new Map<string, { evidence: Evidence; nodes: Set<string> }>();
  for (const { evidence, node } of observations) {
    const id = [evidence.key, evidence.supports, evidence.kind, evidence.weight, evidence.platform ?? '', evidence.rulesOut?.join(',') ?? ''].join('\u0000');
    const existing = groups.get(id);
    if (existing === undefined) groups.set(id, { evidence, nodes: new Set([node]) });
    else existing.nodes.add(node);
  }
  return [...groups.values()].map(({ evidence, nodes }) => ({
    ...evidence,
    value: total === 1 ? evidence.value : `${evidence.value} (${nodes.size} of ${total} nodes)`,
  }));
}
