// Node objects for tests: a name, labels, a providerID and nodeInfo are what cluster detection reads
// (docs: ../shared/docs/detection.md §1), so these let one apiserver look like kind, AKS, EKS...
import type { TargetId } from '../../../src/detect/target-profile.js';
import { KWOK_NODE_ANNOTATION } from './component-flags.js';

export interface NodeInfo {
  architecture?: string;
  bootID?: string;
  containerRuntimeVersion?: string;
  kernelVersion?: string;
  kubeProxyVersion?: string;
  kubeletVersion?: string;
  machineID?: string;
  operatingSystem?: string;
  osImage?: string;
  systemUUID?: string;
}

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeSpec {
  name: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  providerID?: string;
  nodeInfo?: NodeInfo;
  taints?: NodeTaint[];
  unschedulable?: boolean;
  /** The node's InternalIP; default: an address in 172.18.0.0/16 derived from the name. */
  internalIP?: string;
  /**
   * Whether kwok plays this node's kubelet (it becomes Ready and runs pods). Defaults to true on a
   * control plane started with kwok; a node without kwok stays NotReady with no conditions.
   */
  fake?: boolean;
}

export interface NodeManifestDefaults {
  /** kubeletVersion when the spec gives none: the apiserver's version, as on a fresh cluster. */
  kubeletVersion: string;
  fake: boolean;
}

/** A stable private address per node name, so that pods' hostIP differ between nodes as on a real cluster. */
export function internalIpFor(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return `172.18.${(hash >>> 8) & 255}.${(hash & 253) + 2}`;
}

/** The Node object to create: well-known labels first, the spec's on top. */
export function nodeManifest(spec: NodeSpec, defaults: NodeManifestDefaults): Record<string, unknown> {
  const info = spec.nodeInfo ?? {};
  const fake = spec.fake ?? defaults.fake;
  const architecture = info.architecture ?? 'amd64';
  const operatingSystem = info.operatingSystem ?? 'linux';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': operatingSystem,
        'kubernetes.io/arch': architecture,
        'beta.kubernetes.io/os': operatingSystem,
        'beta.kubernetes.io/arch': architecture,
        ...spec.labels,
      },
      annotations: { ...(fake ? { [KWOK_NODE_ANNOTATION]: 'fake' } : {}), ...spec.annotations },
    },
    spec: {
      ...(spec.providerID === undefined ? {} : { providerID: spec.providerID }),
      ...(spec.taints === undefined ? {} : { taints: spec.taints }),
      ...(spec.unschedulable === undefined ? {} : { unschedulable: spec.unschedulable }),
    },
    status: {
      // kubelet reports these; kwok fills them only from --node-ip, one address for every node.
      addresses: [
        { type: 'InternalIP', address: spec.internalIP ?? internalIpFor(spec.name) },
        { type: 'Hostname', address: spec.name },
      ],
      nodeInfo: {
        architecture,
        bootID: info.bootID ?? '',
        containerRuntimeVersion: info.containerRuntimeVersion ?? 'containerd://2.1.4',
        kernelVersion: info.kernelVersion ?? '6.1.0-40-amd64',
        kubeProxyVersion: info.kubeProxyVersion ?? '',
        kubeletVersion: info.kubeletVersion ?? defaults.kubeletVersion,
        machineID: info.machineID ?? '',
        operatingSystem,
        osImage: info.osImage ?? 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: info.systemUUID ?? '',
      },
    },
  };
}

/**
 * A node as the given kind of cluster names and labels it. The values are typical examples of the
 * markers in detection.md §1 (versions are plausible, not pinned to any release); `cluster` names the
 * cluster where the distribution puts it in node names or providerIDs.
 */
export function nodeLookingLike(target: TargetId, cluster = 'dev'): NodeSpec {
  switch (target) {
    case 'kind':
      return {
        name: `${cluster}-control-plane`,
        providerID: `kind://docker/${cluster}/${cluster}-control-plane`,
        labels: { 'node-role.kubernetes.io/control-plane': '' },
        nodeInfo: { containerRuntimeVersion: 'containerd://2.1.3', osImage: 'Debian GNU/Linux 12 (bookworm)' },
      };
    case 'minikube':
      return {
        name: 'minikube',
        labels: {
          'minikube.k8s.io/name': 'minikube',
          'minikube.k8s.io/primary': 'true',
          'minikube.k8s.io/version': 'v1.37.0',
          'node-role.kubernetes.io/control-plane': '',
        },
        nodeInfo: { containerRuntimeVersion: 'docker://28.4.0', osImage: 'Ubuntu 22.04.5 LTS' },
      };
    case 'docker-desktop':
      return {
        name: 'docker-desktop',
        labels: { 'node-role.kubernetes.io/control-plane': '' },
        nodeInfo: { containerRuntimeVersion: 'docker://28.4.0', osImage: 'Docker Desktop', kernelVersion: '6.10.14-linuxkit' },
      };
    case 'k3d':
      return {
        name: `k3d-${cluster}-server-0`,
        providerID: `k3s://k3d-${cluster}-server-0`,
        labels: { 'node.kubernetes.io/instance-type': 'k3s', 'node-role.kubernetes.io/control-plane': 'true' },
        nodeInfo: { containerRuntimeVersion: 'containerd://2.0.5-k3s1', osImage: 'K3s dev', kubeletVersion: 'v1.33.4+k3s1' },
      };
    case 'k3s':
      return {
        name: 'k3s-server',
        providerID: 'k3s://k3s-server',
        labels: { 'node.kubernetes.io/instance-type': 'k3s', 'node-role.kubernetes.io/control-plane': 'true' },
        annotations: { 'k3s.io/hostname': 'k3s-server', 'k3s.io/internal-ip': '192.168.1.10' },
        nodeInfo: { containerRuntimeVersion: 'containerd://2.0.5-k3s1', osImage: 'Ubuntu 24.04.3 LTS', kubeletVersion: 'v1.33.4+k3s1' },
      };
    case 'microk8s':
      return {
        name: 'microk8s-vm',
        labels: { 'microk8s.io/cluster': 'true', 'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane' },
        nodeInfo: { containerRuntimeVersion: 'containerd://1.7.27', osImage: 'Ubuntu 24.04.3 LTS' },
      };
    case 'rancher-desktop':
      return {
        name: 'lima-rancher-desktop',
        providerID: 'k3s://lima-rancher-desktop',
        labels: { 'node.kubernetes.io/instance-type': 'k3s', 'node-role.kubernetes.io/control-plane': 'true' },
        nodeInfo: { containerRuntimeVersion: 'docker://27.5.1', osImage: 'Alpine Linux v3.20', kubeletVersion: 'v1.33.4+k3s1' },
      };
    case 'orbstack':
      return {
        name: 'orbstack',
        labels: { 'node-role.kubernetes.io/control-plane': 'true' },
        nodeInfo: { containerRuntimeVersion: 'docker://28.3.3', osImage: 'OrbStack', kubeletVersion: 'v1.33.3+orb1' },
      };
    case 'colima':
      return {
        name: 'colima',
        providerID: 'k3s://colima',
        labels: { 'node.kubernetes.io/instance-type': 'k3s', 'node-role.kubernetes.io/control-plane': 'true' },
        nodeInfo: { containerRuntimeVersion: 'docker://28.1.1', osImage: 'Ubuntu 24.04.2 LTS', kubeletVersion: 'v1.33.4+k3s1' },
      };
    case 'aks':
      return {
        name: 'aks-nodepool1-12345678-vmss000000',
        providerID:
          `azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_rg-${cluster}_${cluster}_westeurope` +
          '/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0',
        labels: {
          'kubernetes.azure.com/cluster': `MC_rg-${cluster}_${cluster}_westeurope`,
          'kubernetes.azure.com/agentpool': 'nodepool1',
          'kubernetes.azure.com/role': 'agent',
          'kubernetes.azure.com/mode': 'system',
          'node.kubernetes.io/instance-type': 'Standard_D4s_v5',
          'topology.kubernetes.io/region': 'westeurope',
        },
        nodeInfo: { containerRuntimeVersion: 'containerd://1.7.27-1', osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-1092-azure' },
      };
    case 'eks':
      return {
        name: 'ip-192-168-12-34.eu-west-1.compute.internal',
        providerID: 'aws:///eu-west-1a/i-0123456789abcdef0',
        labels: {
          'eks.amazonaws.com/nodegroup': `${cluster}-ng-1`,
          'eks.amazonaws.com/capacityType': 'ON_DEMAND',
          'node.kubernetes.io/instance-type': 'm6i.large',
          'topology.kubernetes.io/region': 'eu-west-1',
          'topology.kubernetes.io/zone': 'eu-west-1a',
        },
        nodeInfo: {
          containerRuntimeVersion: 'containerd://1.7.27',
          osImage: 'Amazon Linux 2023.8.20250818',
          kubeletVersion: 'v1.33.5-eks-113cf36',
          kernelVersion: '6.1.147-172.266.amzn2023.x86_64',
        },
      };
    case 'gke':
      return {
        name: `gke-${cluster}-default-pool-1a2b3c4d-x7k9`,
        providerID: `gce://my-project/europe-west1-b/gke-${cluster}-default-pool-1a2b3c4d-x7k9`,
        labels: {
          'cloud.google.com/gke-nodepool': 'default-pool',
          'cloud.google.com/gke-os-distribution': 'cos',
          'node.kubernetes.io/instance-type': 'e2-medium',
          'topology.kubernetes.io/region': 'europe-west1',
        },
        nodeInfo: {
          containerRuntimeVersion: 'containerd://2.0.6',
          osImage: 'Container-Optimized OS from Google',
          kubeletVersion: 'v1.33.5-gke.1162000',
        },
      };
    case 'openshift':
      return {
        name: `${cluster}-master-0`,
        labels: { 'node.openshift.io/os_id': 'rhcos', 'node-role.kubernetes.io/master': '' },
        annotations: { 'machineconfiguration.openshift.io/state': 'Done' },
        nodeInfo: {
          containerRuntimeVersion: 'cri-o://1.32.7-3.rhaos4.19.git3d4f6f1.el9',
          osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20250811-0 (Plow)',
          kubeletVersion: 'v1.32.7',
        },
      };
    case 'remote':
      return {
        name: 'worker-1',
        nodeInfo: { containerRuntimeVersion: 'containerd://1.7.28', osImage: 'Ubuntu 24.04.3 LTS' },
      };
  }
}
