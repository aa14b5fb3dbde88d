// The live facts of `check` against a cluster (or a snapshot of one), gathered once and in
// parallel over a ClusterReader: the namespaces the manifests deploy into (exists, Terminating,
// what already runs there), their ServiceAccounts and pull Secrets (as a PullObjectSource the
// kubelet pull model reads, with the real credentials of the secrets the pods use), the nodes'
// platforms and images, and, for a local cluster, whether this machine's container runtime holds
// the images the nodes lack. Requests: a fixed handful of lists (listInNamespaces) plus one read
// per pull secret the pods use; never one per workload. Does no I/O of its own.
import type { ConfigMap, Namespace, Pod, ServiceAccount } from 'kubernetes-types/core/v1.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import { clusterPullObjects, isDockerConfigType } from '../credentials/cluster-pull-objects.js';
import { assignedPullSecretNames, serviceAccountName } from '../credentials/pod-pull-secrets.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { ClusterFacts, LocalRuntimeImage, NamespaceState, NodeFacts, NodeImageFact } from '../facts/cluster-facts.js';
import type { ClusterFact, ClusterReader, PullSecretCredential } from '../facts/cluster-reader.js';
import type { SecretSummary } from '../facts/cluster-snapshot.js';
import type { LocalRuntime } from '../facts/local-runtime.js';
import type { PullObjectSource } from '../facts/pull-objects.js';
import { findImageSites } from '../k8s/find-image-sites.js';
import type { ManifestObject } from '../manifests/model.js';
import { runWithConcurrency } from '../shared/run-with-concurrency.js';
import { listInNamespaces } from './list-in-namespaces.js';
import { NODE_STATUS_MAX_IMAGES, nodeFacts } from './node-facts.js';
import { imagesNodesMustHave, type NodeImageNeed } from './node-images.js';

/** Pull secrets read at once. */
const SECRET_READS_IN_FLIGHT = 8;

export interface GatherClusterOptions {
  reader: ClusterReader;
  objects: readonly ManifestObject[];
  /** Namespace of objects that do not name one. */
  defaultNamespace: string;
  /** The manifests and --pull-secret files: their ServiceAccounts win over the cluster's (they are about to be applied). */
  manifestPullObjects: PullObjectSource;
  target: TargetProfile;
  clusterName?: string;
  /** The load command detection worked out, `IMAGE` standing for the image. */
  loadCommand?: string;
  /** This machine's container runtime; asked only on local targets, for images the nodes lack. */
  localRuntime?: LocalRuntime;
  signal?: AbortSignal;
}

export interface GatheredCluster {
  facts: ClusterFacts;
  /** The cluster's ServiceAccounts and Secrets, authoritative when their lists could be read. */
  pullObjects: PullObjectSource;
}

/** The namespaces the run's workloads deploy into, sorted. */
export function namespacesOfRun(objects: readonly ManifestObject[], defaultNamespace: string): string[] {
  const namespaces = new Set<string>();
  for (const object of objects) {
    if (findImageSites(object.value, object.ref).groups.length === 0) continue;
    namespaces.add(object.ref.namespace ?? defaultNamespace);
  }
  return [...namespaces].sort();
}

/** The pull secrets each namespace's pods use (pod specs, else their ServiceAccount's), by `namespace/name`. */
function secretsInUse(
  objects: readonly ManifestObject[],
  defaultNamespace: string,
  serviceAccount: (namespace: string, name: string) => Record<string, unknown> | undefined,
): Set<string> {
  const used = new Set<string>();
  for (const object of objects) {
    const namespace = object.ref.namespace ?? defaultNamespace;
    for (const site of findImageSites(object.value, object.ref).groups) {
      const account = serviceAccount(namespace, serviceAccountName(site.spec));
      for (const name of assignedPullSecretNames(site.spec, account)) used.add(`${namespace}/${name}`);
    }
  }
  return used;
}

function namespaceStates(
  namespaces: readonly string[],
  listed: ClusterFact<Namespace[]>,
  pods: ReadonlyMap<string, ClusterFact<Pod[]>>,
): Map<string, ClusterFact<NamespaceState>> {
  const states = new Map<string, ClusterFact<NamespaceState>>();
  const byName = 'value' in listed ? new Map(listed.value.map((namespace) => [namespace.metadata?.name, namespace])) : undefined;
  for (const name of namespaces) {
    if (byName === undefined) {
      states.set(name, { unknown: (listed as { unknown: string }).unknown });
      continue;
    }
    const found = byName.get(name);
    if (found === undefined) {
      states.set(name, { value: {} });
      continue;
    }
    const podFact = pods.get(name) ?? { unknown: 'not read' };
    const state: NamespaceState = {
      phase: found.status?.phase === 'Terminating' || found.metadata?.deletionTimestamp !== undefined ? 'Terminating' : 'Active',
      pods:
        'value' in podFact
          ? { value: { count: podFact.value.length, images: [...new Set(podFact.value.flatMap((pod) => (pod.spec?.containers ?? []).map((c) => c.image ?? '')))].filter((i) => i !== '').sort() } }
          : podFact,
    };
    states.set(name, { value: state });
  }
  return states;
}

/** `host` of the KEP-1755 ConfigMap (`localRegistryHosting.v1: | host: "localhost:5001"`). */
export function advertisedRegistry(configMap: ConfigMap | null): string | undefined {
  const text = configMap?.data?.['localRegistryHosting.v1'];
  const host = text === undefined ? undefined : /^\s*host:\s*["']?([^"'\s#]+)["']?\s*$/m.exec(text)?.[1];
  return host === undefined || host === '' ? undefined : host;
}

/** The registry the manifests name most often (written explicitly, not Docker Hub), ties by name. */
export function mostUsedRegistry(objects: readonly ManifestObject[]): string | undefined {
  const counts = new Map<string, number>();
  for (const object of objects) {
    for (const site of findImageSites(object.value, object.ref).groups) {
      for (const container of site.containers) {
        if (container.image === undefined) continue;
        const parsed = parseImageReference(container.image);
        if (!parsed.ok || !parsed.reference.explicitDomain || parsed.reference.domain === 'docker.io') continue;
        counts.set(parsed.reference.domain, (counts.get(parsed.reference.domain) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

function onNodes(need: NodeImageNeed, nodes: ClusterFact<NodeFacts>): ClusterFact<boolean> {
  if (!('value' in nodes)) return nodes;
  const facts = nodes.value;
  if (facts.imageNames.has(need.image) || facts.imageNames.has(need.reference.normalized)) return { value: true };
  if (facts.count === 0) return { unknown: 'the cluster has no nodes' };
  // kubelet always lists at least its pause image: nodes that list none were not reported by a kubelet.
  if (facts.nodesWithoutImageList === facts.count) return { unknown: 'no node lists its images (status.images is empty)' };
  if (facts.nodesAtImageLimit > 0) {
    return { unknown: `${facts.nodesAtImageLimit} node(s) list kubelet's maximum of ${NODE_STATUS_MAX_IMAGES} images (--node-status-max-images), so the list may be incomplete` };
  }
  return { value: false };
}

async function localRuntimeImage(runtime: LocalRuntime, image: string, signal?: AbortSignal): Promise<LocalRuntimeImage> {
  const found = await runtime.image(image, signal);
  if (!('value' in found)) return { unknown: found.unknown };
  return found.value === null ? { present: false, endpoint: runtime.endpoint } : { present: true, id: found.value.id, endpoint: runtime.endpoint };
}

export async function gatherCluster(options: GatherClusterOptions): Promise<GatheredCluster> {
  const { reader, objects, defaultNamespace } = options;
  const namespaces = namespacesOfRun(objects, defaultNamespace);
  const [nodes, namespaceList, serviceAccounts, secrets, pods, hosting] = await Promise.all([
    reader.nodes(),
    namespaces.length === 0 ? Promise.resolve({ value: [] as Namespace[] }) : reader.namespaces(),
    listInNamespaces<ServiceAccount>((scope) => reader.serviceAccounts(scope), namespaces),
    listInNamespaces<SecretSummary>((scope) => reader.secrets(scope), namespaces),
    listInNamespaces<Pod>((scope) => reader.pods(scope), namespaces),
    options.target.location === 'local' ? reader.localRegistryHosting() : Promise.resolve({ value: null }),
  ]);

  const unknown: ClusterFacts['unknown'] = [];
  const note = (fact: string, value: ClusterFact<unknown>): void => {
    if (!('value' in value)) unknown.push({ fact, reason: value.unknown });
  };
  note('nodes', nodes);
  note('namespaces', namespaceList);
  for (const [kind, lists] of [['serviceaccounts', serviceAccounts], ['secrets', secrets], ['pods', pods]] as const) {
    for (const [namespace, fact] of lists) note(`${kind} in ${namespace}`, fact);
  }

  // The secrets the pods use, read for their credentials: the ServiceAccount that decides is the
  // manifests' when they hold it, else the cluster's.
  const accountOf = (namespace: string, name: string): Record<string, unknown> | undefined => {
    const fromManifests = options.manifestPullObjects.serviceAccount(namespace, name);
    if (fromManifests !== undefined) return fromManifests;
    const listed = serviceAccounts.get(namespace);
    return listed !== undefined && 'value' in listed ? (listed.value.find((sa) => sa.metadata?.name === name) as Record<string, unknown> | undefined) : undefined;
  };
  const toRead = [...secretsInUse(objects, defaultNamespace, accountOf)].filter((key) => {
    const [namespace, name] = key.split('/') as [string, string];
    if (options.manifestPullObjects.secret(namespace, name) !== undefined) return false;
    const listed = secrets.get(namespace);
    if (listed === undefined || !('value' in listed)) return true;
    const summary = listed.value.find((secret) => secret.metadata.name === name);
    return summary !== undefined && isDockerConfigType(summary.type);
  });
  const credentialFacts = await runWithConcurrency(toRead, SECRET_READS_IN_FLIGHT, (key) => {
    const [namespace, name] = key.split('/') as [string, string];
    return reader.pullSecretCredentials(namespace, name);
  });
  const credentials = new Map<string, ClusterFact<PullSecretCredential[]>>(toRead.map((key, index) => [key, credentialFacts[index] as ClusterFact<PullSecretCredential[]>]));
  for (const [key, fact] of credentials) note(`credentials of secret ${key}`, fact);

  const nodeFact: ClusterFact<NodeFacts> = 'value' in nodes ? { value: nodeFacts(nodes.value) } : nodes;
  const nodeImages = new Map<string, NodeImageFact>();
  const lacking: NodeImageFact[] = [];
  for (const need of imagesNodesMustHave(objects).values()) {
    const fact: NodeImageFact = { image: need.image, reference: need.reference.normalized, onNodes: onNodes(need, nodeFact) };
    nodeImages.set(need.image, fact);
    if (!('value' in fact.onNodes) || !fact.onNodes.value) lacking.push(fact);
  }
  const runtime = options.localRuntime;
  if (runtime !== undefined && options.target.location === 'local' && lacking.length > 0) {
    const answers = await Promise.all(lacking.map((fact) => localRuntimeImage(runtime, fact.image, options.signal)));
    lacking.forEach((fact, index) => {
      fact.localRuntime = answers[index] as LocalRuntimeImage;
    });
  }

  const registry = ('value' in hosting ? advertisedRegistry(hosting.value) : undefined) ?? mostUsedRegistry(objects);
  const facts: ClusterFacts = {
    source: reader.source,
    ...(registry === undefined ? {} : { registry }),
    contextName: reader.context.name,
    ...(options.clusterName === undefined ? {} : { clusterName: options.clusterName }),
    ...(options.loadCommand === undefined ? {} : { loadCommand: options.loadCommand }),
    namespaces: namespaceStates(namespaces, namespaceList, pods),
    nodes: nodeFact,
    nodeImages,
    unknown,
  };
  const missingNamespaces = new Set([...facts.namespaces].filter(([, state]) => 'value' in state && state.value.phase === undefined).map(([name]) => name));
  const pullObjects = clusterPullObjects({ description: `the cluster (${reader.source})`, serviceAccounts, secrets, credentials, missingNamespaces });
  return { facts, pullObjects };
}
