// A real Kubernetes control plane on loopback for tests: etcd + kube-apiserver, optionally
// kube-controller-manager, kube-scheduler and kwok (fake nodes that run pods and fail image pulls
// like kubelet). Everything lives in one temporary directory (on tmpfs when there is one) and is
// stopped by PID, also when the test process exits or is interrupted.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, KubernetesApiClient, type ApiResponse, type RequestOptions } from './api-client.js';
import { locateBinaries, readPinnedVersions, type ControlPlaneBinaries, type PinnedVersions } from './binaries.js';
import { createCertificates } from './certificates.js';
import {
  apiserverArgs,
  controllerManagerArgs,
  etcdArgs,
  kwokArgs,
  schedulerArgs,
  type ControlPlaneLayout,
} from './component-flags.js';
import { cleanUpOnExit } from './exit-cleanup.js';
import { freeLoopbackPorts } from './free-ports.js';
import { DEFAULT_IMAGE_PULL_FAILURES, type ImagePullFailureRule } from './image-pull-failure-rules.js';
import { writeKubeconfig } from './kubeconfig.js';
import { writeKwokConfig } from './kwok-config.js';
import { startProcess, type ManagedProcess } from './managed-process.js';
import { nodeManifest, type NodeSpec } from './nodes.js';
import { ResourcePaths } from './resource-paths.js';
import type { ImagePullTiming } from './stages/image-pull-failure.js';
import { ADMIN_USER, createStaticUsers, RESTRICTED_USER } from './users.js';
import { waitFor, type WaitOptions } from './wait-for.js';
import { startWatchdog } from './watchdog.js';

export interface ControlPlaneOptions {
  /** kube-controller-manager: Deployments get ReplicaSets and Pods, namespaces get ServiceAccounts. */
  controllerManager?: boolean;
  /** kwok: nodes created with createNode become Ready and run pods (implies `scheduler`). */
  kwok?: boolean;
  /** kube-scheduler: binds pods to nodes. Defaults to `kwok`. */
  scheduler?: boolean;
  /** Images that kwok's nodes fail to pull; default: `registry.invalid/…` fails like a DNS error. */
  imagePullFailures?: readonly ImagePullFailureRule[];
  /** Delays of the pull-failure cycle (stages/image-pull-failure.ts); kubelet-like by default. */
  imagePullTiming?: ImagePullTiming;
  /** For each component to become ready. */
  startupTimeoutMs?: number;
  /**
   * More kube-apiserver flags, after the harness's own (a later flag wins), e.g.
   * `--watch-cache=false` so that watches read etcd and a compacted resourceVersion answers 410.
   */
  extraApiserverArgs?: readonly string[];
}

/** Milliseconds from the start of startControlPlane until each component answered. */
export interface StartupTimings {
  etcdMs: number;
  apiserverMs: number;
  controllerManagerMs?: number;
  schedulerMs?: number;
  kwokMs?: number;
  totalMs: number;
}

export type Identity = 'admin' | 'restricted';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const FIELD_MANAGER = 'pullguard-test';
let etcdNoFsync: boolean | undefined;

/** etcd 3.5+ has --unsafe-no-fsync; Debian's 3.4 fallback does not. */
function etcdSupportsNoFsync(etcd: string): boolean {
  if (etcdNoFsync === undefined) {
    const version = /etcd Version: (\d+)\.(\d+)/.exec(execFileSync(etcd, ['--version'], { encoding: 'utf8' }));
    etcdNoFsync = version !== null && (Number(version[1]) > 3 || Number(version[2]) >= 5);
  }
  return etcdNoFsync;
}

function httpGet(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { timeout: 2000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** One call of etcd's JSON gRPC gateway; throws unless it answers 200. */
function etcdPost<T = unknown>(base: string, path: string, body: unknown): Promise<T> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', timeout: 10_000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text) as T) : reject(new Error(`etcd ${path}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`etcd ${path}: timeout`)));
    req.on('error', reject);
    req.end(payload);
  });
}

function temporaryBase(): string {
  // tmpfs keeps etcd's writes off the disk; fall back to the usual temp dir.
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

let nameCounter = 0;
/** A name unique in this process and across processes: `<prefix>-<pid36><counter36><random>`. */
export function uniqueName(prefix: string): string {
  nameCounter += 1;
  return `${prefix}-${process.pid.toString(36)}${nameCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export class ControlPlane {
  private readonly admin: KubernetesApiClient;
  private readonly restricted: KubernetesApiClient;
  private readonly paths: ResourcePaths;
  private stopping: Promise<void> | undefined;

  /** @internal use startControlPlane */
  constructor(
    readonly dir: string,
    readonly server: string,
    readonly caCertPem: string,
    readonly adminToken: string,
    readonly restrictedToken: string,
    readonly adminKubeconfigPath: string,
    readonly restrictedKubeconfigPath: string,
    readonly versions: PinnedVersions,
    readonly timings: StartupTimings,
    private readonly processes: ManagedProcess[],
    private readonly watchdogPid: number,
    private readonly release: () => void,
    readonly withControllerManager: boolean,
    readonly withKwok: boolean,
    /** etcd's client URL (plain HTTP on loopback): its JSON gateway, for compactEtcd(). */
    readonly etcdClientUrl: string,
  ) {
    this.admin = new KubernetesApiClient(server, caCertPem, adminToken);
    this.restricted = new KubernetesApiClient(server, caCertPem, restrictedToken);
    this.paths = new ResourcePaths(this.admin);
  }

  readonly adminUser = ADMIN_USER;
  readonly restrictedUser = RESTRICTED_USER;

  /** PIDs of every process this control plane started (components and the watchdog). */
  get pids(): number[] {
    return [...this.processes.map((p) => p.pid), this.watchdogPid];
  }

  /** Raw request; never throws for an HTTP status. */
  request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions & { as?: Identity } = {}): Promise<ApiResponse<T>> {
    return this.client(options.as).request<T>(method, path, body, options);
  }

  /** Request that throws ApiError unless the answer is 2xx. */
  call<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions & { as?: Identity } = {}): Promise<T> {
    return this.client(options.as).call<T>(method, path, body, options);
  }

  /** Server-side apply (create or update) of any object; returns it as stored. */
  async apply<T extends KubeObject = KubeObject>(object: KubeObject, options: { as?: Identity } = {}): Promise<T> {
    const path = await this.paths.pathFor(object.apiVersion, object.kind, object.metadata.namespace, object.metadata.name);
    return this.call<T>('PATCH', `${path}?fieldManager=${FIELD_MANAGER}&force=true`, object, {
      contentType: 'application/apply-patch+yaml',
      as: options.as,
    });
  }

  /** The object, or undefined when it does not exist. */
  async get<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, name: string, namespace?: string): Promise<T | undefined> {
    const path = await this.paths.pathFor(apiVersion, kind, namespace, name);
    const response = await this.admin.request<T>('GET', path);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw new ApiError('GET', path, response.status, undefined, response.text.slice(0, 200));
    return response.body;
  }

  async list<T extends KubeObject = KubeObject>(apiVersion: string, kind: string, namespace?: string, query = ''): Promise<T[]> {
    const path = await this.paths.pathFor(apiVersion, kind, namespace);
    return (await this.call<{ items: T[] }>('GET', `${path}${query === '' ? '' : `?${query}`}`)).items;
  }

  /** Polls an object until `ready` accepts it. */
  async waitForObject<T extends KubeObject = KubeObject>(
    apiVersion: string,
    kind: string,
    name: string,
    namespace: string | undefined,
    ready: (object: T) => boolean,
    what: string,
    options: WaitOptions = {},
  ): Promise<T> {
    return waitFor(what, async () => {
      const object = await this.get<T>(apiVersion, kind, name, namespace);
      return object !== undefined && ready(object) ? object : undefined;
    }, options);
  }

  /** core/v1 Events in a namespace, optionally only those about one object. */
  async events(namespace: string, involvedObjectName?: string): Promise<KubeObject[]> {
    const query = involvedObjectName === undefined ? '' : `fieldSelector=${encodeURIComponent(`involvedObject.name=${involvedObjectName}`)}`;
    return this.list('v1', 'Event', namespace, query);
  }

  /**
   * A fresh namespace (one per test keeps tests apart on a shared control plane). With the
   * controller-manager, waits for its `default` ServiceAccount, without which pods are rejected.
   */
  async createNamespace(prefix = 'test'): Promise<string> {
    const name = uniqueName(prefix);
    await this.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    if (this.withControllerManager) {
      await this.waitForObject('v1', 'ServiceAccount', 'default', name, () => true, `ServiceAccount ${name}/default`);
    }
    return name;
  }

  /**
   * Creates a node with the given identity (see nodes.ts nodeLookingLike). With kwok, waits until
   * it is Ready and schedulable: the apiserver's TaintNodesByCondition plugin gives every new node
   * the not-ready taint, which the controller-manager lifts once the node is Ready (without the
   * controller-manager, this method lifts it).
   */
  async createNode(spec: NodeSpec): Promise<KubeObject> {
    const manifest = nodeManifest(spec, { kubeletVersion: this.versions.kubernetes, fake: this.withKwok });
    const node = await this.call<KubeObject>('POST', '/api/v1/nodes', manifest);
    if (!this.withKwok || spec.fake === false) return node;
    const what = `node ${spec.name} to become Ready and schedulable`;
    if (!this.withControllerManager) {
      await this.waitForObject('v1', 'Node', spec.name, undefined, isNodeReady, what);
      await this.call('PATCH', `/api/v1/nodes/${encodeURIComponent(spec.name)}`, { spec: { taints: spec.taints ?? null } }, {
        contentType: 'application/merge-patch+json',
      });
    }
    return this.waitForObject('v1', 'Node', spec.name, undefined, (n) => isNodeReady(n) && !hasNotReadyTaint(n), what);
  }

  /** Grants `rules` to the restricted user, in a namespace (Role) or cluster-wide (ClusterRole). */
  async grantRestricted(rules: PolicyRule[], namespace?: string): Promise<void> {
    const name = uniqueName('restricted-grant');
    const subjects = [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: RESTRICTED_USER }];
    const roleKind = namespace === undefined ? 'ClusterRole' : 'Role';
    const metadata = namespace === undefined ? { name } : { name, namespace };
    await this.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: roleKind, metadata, rules });
    await this.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: `${roleKind}Binding`,
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name },
      subjects,
    });
    // The RBAC authorizer reads roles from an informer cache: a request right after the binding
    // may still be refused. Wait until the authorizer itself grants every rule.
    for (const rule of rules) {
      const resourceAttributes = {
        ...(namespace === undefined ? {} : { namespace }),
        group: rule.apiGroups[0] ?? '',
        resource: rule.resources[0] ?? '',
        verb: rule.verbs[0] ?? 'get',
        ...(rule.resourceNames?.[0] === undefined ? {} : { name: rule.resourceNames[0] }),
      };
      await waitFor(`RBAC to grant ${RESTRICTED_USER} ${resourceAttributes.verb} ${resourceAttributes.resource}`, async () => {
        const review = await this.call<{ status?: { allowed?: boolean } }>('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: { user: RESTRICTED_USER, resourceAttributes },
        });
        return review.status?.allowed === true ? true : undefined;
      }, { intervalMs: 50 });
    }
  }

  /**
   * Compacts etcd's history up to its current revision, through etcd's own JSON gateway (what the
   * apiserver's periodic compaction does, now): a watch from an earlier resourceVersion that
   * reaches etcd (`--watch-cache=false`) is then answered 410 Gone. Returns the revision.
   */
  async compactEtcd(): Promise<number> {
    // A count-only range over every key answers with the store's current revision in its header.
    const range = await etcdPost<{ header?: { revision?: string } }>(this.etcdClientUrl, '/v3/kv/range', { key: Buffer.from('\0').toString('base64'), range_end: Buffer.from('\0').toString('base64'), count_only: true });
    const revision = Number(range.header?.revision);
    if (!Number.isSafeInteger(revision) || revision <= 0) throw new Error(`etcd: no revision in the range answer: ${JSON.stringify(range)}`);
    // physical: answers once the old revisions are gone from the backend, not merely scheduled.
    await etcdPost(this.etcdClientUrl, '/v3/kv/compaction', { revision: String(revision), physical: true });
    return revision;
  }

  /** Stops every process (by PID) and removes the directory. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    this.admin.close();
    this.restricted.close();
    try {
      process.kill(this.watchdogPid, 'SIGTERM');
    } catch {
      // already gone
    }
    await stopProcesses(this.processes);
    rmSync(this.dir, { recursive: true, force: true });
    this.release();
  }

  private client(as: Identity | undefined): KubernetesApiClient {
    return as === 'restricted' ? this.restricted : this.admin;
  }
}

export function isNodeReady(node: KubeObject): boolean {
  const conditions = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function hasNotReadyTaint(node: KubeObject): boolean {
  const taints = (node.spec as { taints?: { key: string }[] } | undefined)?.taints ?? [];
  return taints.some((t) => t.key === 'node.kubernetes.io/not-ready');
}

/** Controllers first, then the apiserver, etcd last: each stops while what it talks to still runs. */
async function stopProcesses(processes: ManagedProcess[]): Promise<void> {
  const order = ['kwok', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd'];
  const byTier = order.map((name) => processes.filter((p) => p.name === name));
  await Promise.all(byTier.slice(0, 3).flat().map((p) => p.stop()));
  for (const tier of byTier.slice(3)) await Promise.all(tier.map((p) => p.stop()));
}

export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const withKwok = options.kwok ?? false;
  const withControllerManager = options.controllerManager ?? false;
  const withScheduler = options.scheduler ?? withKwok;
  const timeoutMs = options.startupTimeoutMs ?? 60_000;
  const binaries: ControlPlaneBinaries = locateBinaries();
  const versions = readPinnedVersions();

  const dir = await mkdtemp(join(temporaryBase(), 'pullguard-cp-'));
  const processes: ManagedProcess[] = [];
  let watchdogPid = 0;
  const release = cleanUpOnExit({ dir, pids: () => [...processes.map((p) => p.pid), ...(watchdogPid > 0 ? [watchdogPid] : [])] });
  watchdogPid = startWatchdog(dir);

  const launch = (name: string, binary: string, args: string[]): ManagedProcess => {
    const child = startProcess(name, binary, args, join(dir, 'logs', `${name}.log`));
    processes.push(child);
    appendFileSync(join(dir, 'pids'), `${child.pid}\n`);
    return child;
  };
  /** Waits for `probe`, failing at once (with the end of its log) if the process dies. */
  const ready = async (child: ManagedProcess, probe: () => Promise<boolean>): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (child.hasExited()) throw new Error(`control plane: ${child.name} exited; end of ${child.logPath}:\n${child.logTail()}`);
      try {
        if (await probe()) return;
      } catch {
        // not listening yet
      }
      if (performance.now() > deadline) {
        throw new Error(`control plane: ${child.name} not ready after ${timeoutMs / 1000} s; end of ${child.logPath}:\n${child.logTail()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  try {
    await mkdir(join(dir, 'logs'));
    await mkdir(join(dir, 'pki'));
    const [certs, users, ports] = await Promise.all([createCertificates(join(dir, 'pki')), createStaticUsers(dir), freeLoopbackPorts(6)]);
    const [etcdClientPort, etcdPeerPort, apiserverPort, controllerManagerPort, schedulerPort, kwokPort] = ports as [number, number, number, number, number, number];
    const layout: ControlPlaneLayout = {
      dir,
      etcdClientPort,
      etcdPeerPort,
      apiserverPort,
      controllerManagerPort,
      schedulerPort,
      kwokPort,
      caCertPath: certs.caCertPath,
      servingCertPath: certs.servingCertPath,
      servingKeyPath: certs.servingKeyPath,
      serviceAccountKeyPath: certs.serviceAccountKeyPath,
      serviceAccountPublicKeyPath: certs.serviceAccountPublicKeyPath,
      tokenFilePath: users.tokenFilePath,
      adminKubeconfigPath: join(dir, 'admin.kubeconfig'),
      kwokConfigPath: join(dir, 'kwok.yaml'),
    };
    const server = `https://127.0.0.1:${apiserverPort}`;
    const kubeconfig = { name: 'pullguard-test', server, caCertPem: certs.caCertPem };
    await writeKubeconfig(layout.adminKubeconfigPath, { ...kubeconfig, user: ADMIN_USER, token: users.adminToken });
    const restrictedKubeconfigPath = await writeKubeconfig(join(dir, 'restricted.kubeconfig'), {
      ...kubeconfig,
      user: RESTRICTED_USER,
      token: users.restrictedToken,
    });
    if (withKwok) {
      await writeKwokConfig(layout.kwokConfigPath, options.imagePullFailures ?? DEFAULT_IMAGE_PULL_FAILURES, options.imagePullTiming);
    }

    const timings: StartupTimings = { etcdMs: 0, apiserverMs: 0, totalMs: 0 };
    const etcd = launch('etcd', binaries.etcd, etcdArgs(layout, etcdSupportsNoFsync(binaries.etcd)));
    await ready(etcd, async () => (await httpGet(`http://127.0.0.1:${etcdClientPort}/health`)).text.includes('"health":"true"'));
    timings.etcdMs = elapsed();

    const apiserver = launch('kube-apiserver', binaries.kubeApiserver, [...apiserverArgs(layout, withControllerManager), ...(options.extraApiserverArgs ?? [])]);
    const probeClient = new KubernetesApiClient(server, certs.caCertPem, users.adminToken);
    try {
      await ready(apiserver, async () => (await probeClient.request('GET', '/readyz', undefined, { accept: 'text/plain' })).status === 200);
    } finally {
      probeClient.close();
    }
    timings.apiserverMs = elapsed();

    const healthy = (port: number, path: string) => async (): Promise<boolean> => {
      const client = new KubernetesApiClient(`https://127.0.0.1:${port}`, certs.caCertPem, users.adminToken);
      try {
        return (await client.request('GET', path, undefined, { accept: 'text/plain' })).status === 200;
      } finally {
        client.close();
      }
    };
    const controlPlane = new ControlPlane(
      dir,
      server,
      certs.caCertPem,
      users.adminToken,
      users.restrictedToken,
      layout.adminKubeconfigPath,
      restrictedKubeconfigPath,
      versions,
      timings,
      processes,
      watchdogPid,
      release,
      withControllerManager,
      withKwok,
      `http://127.0.0.1:${etcdClientPort}`,
    );
    const waits: Promise<void>[] = [];
    if (withControllerManager) {
      const kcm = launch('kube-controller-manager', binaries.kubeControllerManager, controllerManagerArgs(layout));
      waits.push(
        (async () => {
          await ready(kcm, healthy(controllerManagerPort, '/healthz'));
          // Its controllers run once the default namespace has its ServiceAccount.
          await ready(kcm, async () => (await controlPlane.get('v1', 'ServiceAccount', 'default', 'default')) !== undefined);
          timings.controllerManagerMs = elapsed();
        })(),
      );
    }
    if (withScheduler) {
      const scheduler = launch('kube-scheduler', binaries.kubeScheduler, schedulerArgs(layout));
      waits.push(
        (async () => {
          await ready(scheduler, healthy(schedulerPort, '/readyz'));
          timings.schedulerMs = elapsed();
        })(),
      );
    }
    if (withKwok) {
      const kwok = launch('kwok', binaries.kwok, kwokArgs(layout));
      waits.push(
        (async () => {
          await ready(kwok, async () => (await httpGet(`http://127.0.0.1:${kwokPort}/healthz`)).status === 200);
          timings.kwokMs = elapsed();
        })(),
      );
    }
    const results = await Promise.allSettled(waits);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    timings.totalMs = elapsed();
    return controlPlane;
  } catch (error) {
    try {
      process.kill(watchdogPid, 'SIGTERM');
    } catch {
      // already gone
    }
    await stopProcesses(processes);
    rmSync(dir, { recursive: true, force: true });
    release();
    throw error;
  }
}
