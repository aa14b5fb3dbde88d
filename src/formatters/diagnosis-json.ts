// `pullguard diagnose -o json`: schemaVersion 1, documented in docs/json-output.md ("diagnose").
// Stable field order, optional fields absent rather than null.
import type { Diagnosis, DiagnosisEntry } from '../diagnose/types.js';
import { VERSION } from '../version.js';

export const DIAGNOSIS_SCHEMA_VERSION = 1;

export function diagnosisJson(diagnosis: Diagnosis): object {
  return {
    schemaVersion: DIAGNOSIS_SCHEMA_VERSION,
    tool: { name: 'pullguard', version: VERSION },
    source: diagnosis.source,
    ...(diagnosis.namespace === undefined ? { allNamespaces: true } : { namespace: diagnosis.namespace }),
    target: diagnosis.target,
    summary: {
      failingPods: diagnosis.failingPods,
      workloads: new Set(diagnosis.entries.map((e) => `${e.workload.namespace}/${e.workload.kind}/${e.workload.name}`)).size,
      entries: diagnosis.entries.length,
    },
    entries: diagnosis.entries.map(entryJson),
    gaps: diagnosis.gaps,
  };
}

function entryJson(entry: DiagnosisEntry): object {
  const w = entry.workload;
  return {
    workload: { kind: w.kind, name: w.name, namespace: w.namespace, chain: w.chain, ...(w.inferred === undefined ? {} : { inferred: w.inferred }) },
    image: entry.image,
    cause: entry.cause,
    summary: entry.summary,
    transient: entry.transient,
    fix: entry.fix,
    pods: entry.pods,
    nodes: entry.nodes,
    containers: entry.containers,
    waitingReasons: entry.waitingReasons,
    ...(entry.attempts === undefined ? {} : { attempts: entry.attempts }),
    ...(entry.backOffs === undefined ? {} : { backOffs: entry.backOffs }),
    ...(entry.firstSeen === undefined ? {} : { firstSeen: entry.firstSeen }),
    ...(entry.lastSeen === undefined ? {} : { lastSeen: entry.lastSeen }),
    ...(entry.message === undefined ? {} : { message: entry.message }),
    ...(entry.evidence === undefined ? {} : { evidence: entry.evidence }),
    agedOut: entry.agedOut,
    ...(entry.missingSecrets === undefined ? {} : { missingSecrets: entry.missingSecrets }),
    ...(entry.verification === undefined ? {} : { verification: entry.verification }),
  };
}

export function formatDiagnosisJson(diagnosis: Diagnosis): string {
  return `${JSON.stringify(diagnosisJson(diagnosis), null, 2)}\n`;
}
