// `pullguard diagnose`: why pods cannot pull, from the live cluster or a snapshot, grouped by
// workload, image and cause (DESIGN.md "Commands"). Composition only: the analysis is
// diagnose/diagnose-cluster; `--verify` asks the registry with the pod's own pull secrets.
import type { ClusterReader } from '../facts/cluster-reader.js';
import type { TargetId } from '../detect/target-profile.js';
import { clusterTarget } from './cluster-target.js';
import { diagnoseCluster } from '../diagnose/diagnose-cluster.js';
import type { Diagnosis } from '../diagnose/types.js';
import { isCheckable, judgeVerification, notCheckable, verificationRequest, type SecretsOfPod } from '../diagnose/verify-plan.js';
import { isKnownClusterFact } from '../facts/cluster-reader.js';
import type { ImageCheckRequest, RegistryGateway } from '../facts/registry-gateway.js';
import { checkImages } from '../gather/check-images.js';

export interface DiagnoseCommandOptions {
  reader: ClusterReader;
  /** One namespace; undefined with `allNamespaces`. */
  namespace?: string;
  allNamespaces?: boolean;
  /** Default: the detected cluster's. */
  target?: TargetId;
  /** Confirm each cause with a registry check using the pod's pull secrets. */
  verify?: boolean;
  /** For --verify: the gateway (default: the OCI distribution client, closed afterwards). */
  gateway?: RegistryGateway;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export async function diagnose(options: DiagnoseCommandOptions): Promise<Diagnosis> {
  const target = await clusterTarget(options.reader, options.target);
  const namespace = options.allNamespaces === true ? undefined : (options.namespace ?? options.reader.context.namespace);
  const diagnosis = await diagnoseCluster(options.reader, { ...(namespace === undefined ? {} : { namespace }), target });
  if (options.verify === true) await verifyEntries(diagnosis, options);
  return diagnosis;
}

async function verifyEntries(diagnosis: Diagnosis, options: DiagnoseCommandOptions): Promise<void> {
  const planned: { index: number; request: ImageCheckRequest; note?: string }[] = [];
  for (const [index, entry] of diagnosis.entries.entries()) {
    if (!isCheckable(entry)) {
      entry.verification = notCheckable(entry);
      continue;
    }
    const failure = entry.failures[0];
    if (failure === undefined) continue;
    const secrets: SecretsOfPod = { namespace: failure.namespace, secrets: [] };
    for (const name of failure.pullSecrets) {
      const fact = await options.reader.pullSecretCredentials(failure.namespace, name);
      secrets.secrets.push(isKnownClusterFact(fact) ? { name, credentials: fact.value } : { name, unknown: fact.unknown });
    }
    const { request, note } = verificationRequest(entry, secrets);
    if (request === undefined) {
      entry.verification = { status: 'unknown', summary: note ?? 'not checked', outcome: 'differs' };
      continue;
    }
    planned.push({ index, request, ...(note === undefined ? {} : { note }) });
  }
  if (planned.length === 0) return;
  const gateway = options.gateway ?? (await defaultGateway(options.env));
  try {
    const results = await checkImages(
      gateway,
      planned.map((p) => p.request),
      { budgetMs: options.timeoutMs ?? 60_000 },
    );
    planned.forEach((plan, i) => {
      const entry = diagnosis.entries[plan.index];
      const result = results[i];
      if (entry !== undefined && result !== undefined) entry.verification = judgeVerification(entry, result, plan.note);
    });
  } finally {
    if (options.gateway === undefined) await gateway.close();
  }
}

async function defaultGateway(env: NodeJS.ProcessEnv | undefined): Promise<RegistryGateway> {
  const { createOciRegistryGateway } = await import('../gateways/registry/oci-registry-gateway.js');
  return createOciRegistryGateway({ env: env ?? process.env });
}
