// Probe P2 (detection.md §4): the API server's `/version` gitVersion, and the same suffixes in each
// node's kubelet version. Anchored patterns only: `-eks-<7 hex>` is EKS, `-eks-1-28-11` is EKS
// Distro, which runs anywhere and is not EKS (§1b EKS "Trap", §3 "EKS-D taken for EKS").
import type { ClusterFact } from '../facts/cluster-reader.js';
import type { ServerVersion } from '../facts/cluster-snapshot.js';
import type { ClusterType, Platform } from './cluster-type.js';
import { hint, identity, unreadable, veto, type Evidence, type EvidenceSource } from './evidence.js';

interface VersionRule {
  pattern: RegExp;
  supports: ClusterType;
  strength: 'identity' | 'hint';
  platform?: Platform;
  why: string;
}

const VERSION_RULES: readonly VersionRule[] = [
  { pattern: /-eks-[0-9a-f]{7}$/, supports: 'eks', strength: 'identity', platform: 'aws', why: 'EKS build' },
  { pattern: /-gke\.\d+$/, supports: 'gke', strength: 'identity', platform: 'gcp', why: 'GKE build' },
  { pattern: /\+k3s\d+$/, supports: 'k3s', strength: 'identity', why: 'k3s build' },
  { pattern: /\+rke2r\d+$/, supports: 'rke2', strength: 'identity', why: 'RKE2 build' },
  { pattern: /\+orb\d+$/, supports: 'orbstack', strength: 'identity', why: 'OrbStack build' },
  { pattern: /\+IKS$/, supports: 'iks', strength: 'identity', platform: 'ibm', why: 'IBM Cloud Kubernetes Service build' },
  { pattern: /-aliyun(\.\d+)?$/, supports: 'unknown-remote', strength: 'identity', platform: 'alibaba', why: 'Alibaba Cloud ACK build' },
  { pattern: /-tke\.\d+$/, supports: 'unknown-remote', strength: 'identity', platform: 'tencent', why: 'Tencent TKE build' },
  { pattern: /-CCE[\d.]*$/, supports: 'unknown-remote', strength: 'identity', platform: 'huawei', why: 'Huawei CCE build' },
  // Alone these are shared with other builds: hints (detection.md §1b OpenShift "C alone", §1a MicroK8s).
  { pattern: /^v\d+\.\d+\.\d+\+[0-9a-f]{7}$/, supports: 'openshift', strength: 'hint', why: 'OpenShift-style build suffix' },
  { pattern: /^v\d+\.\d+\.\d+-\d+\+[0-9a-f]{12,}$/, supports: 'microk8s', strength: 'hint', why: 'old MicroK8s build suffix' },
];

const EKS_DISTRO = /-eks-\d+-\d+-\d+$/;

/** The evidence of one version string; `key` says whose (`gitVersion`, `kubelet version`). */
export function versionEvidence(source: EvidenceSource, key: string, version: string, suffix = ''): Evidence[] {
  const value = `${version}${suffix}`;
  if (EKS_DISTRO.test(version)) {
    return [veto(source, key, `${value} (EKS Distro build: runs anywhere, not the EKS service)`, ['eks'])];
  }
  const rule = VERSION_RULES.find((candidate) => candidate.pattern.test(version));
  if (rule === undefined) return [];
  const extra = rule.platform === undefined ? {} : { platform: rule.platform };
  const make = rule.strength === 'identity' ? identity : hint;
  return [make(source, key, `${value} (${rule.why})`, rule.supports, extra)];
}

export function probeVersion(fact: ClusterFact<ServerVersion>): Evidence[] {
  if (!('value' in fact)) return [unreadable('version', 'gitVersion', fact.unknown)];
  return versionEvidence('version', 'gitVersion', fact.value.gitVersion);
}
