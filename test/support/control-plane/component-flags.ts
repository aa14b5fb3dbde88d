// Command lines of the control-plane components: envtest's and kwokctl's choices (see
// docs/development/control-plane.md), as pure functions of where things are.

export interface ControlPlaneLayout {
  dir: string;
  etcdClientPort: number;
  etcdPeerPort: number;
  apiserverPort: number;
  controllerManagerPort: number;
  schedulerPort: number;
  kwokPort: number;
  caCertPath: string;
  servingCertPath: string;
  servingKeyPath: string;
  serviceAccountKeyPath: string;
  serviceAccountPublicKeyPath: string;
  tokenFilePath: string;
  adminKubeconfigPath: string;
  kwokConfigPath: string;
}

export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/16';
export const POD_CIDR = '10.244.0.0/16';
/** The annotation that puts a node under kwok's management. */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

export function etcdArgs(layout: ControlPlaneLayout, supportsNoFsync: boolean): string[] {
  const client = `http://127.0.0.1:${layout.etcdClientPort}`;
  const peer = `http://127.0.0.1:${layout.etcdPeerPort}`;
  return [
    '--name=pullguard',
    `--data-dir=${layout.dir}/etcd`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=pullguard=${peer}`,
    '--log-level=warn',
    // Test data need not survive a power cut; fsync dominates write latency otherwise (etcd ≥ 3.5).
    ...(supportsNoFsync ? ['--unsafe-no-fsync=true'] : []),
  ];
}

export function apiserverArgs(layout: ControlPlaneLayout, withControllerManager: boolean): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${layout.etcdClientPort}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${layout.apiserverPort}`,
    `--tls-cert-file=${layout.servingCertPath}`,
    `--tls-private-key-file=${layout.servingKeyPath}`,
    `--cert-dir=${layout.dir}/pki`,
    `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
    '--allow-privileged=true',
    '--authorization-mode=RBAC',
    `--token-auth-file=${layout.tokenFilePath}`,
    // Client certificates signed by the harness CA authenticate too (CN = user, O = groups), so
    // that kubeconfigs with client-certificate / client-key can be tested.
    `--client-ca-file=${layout.caCertPath}`,
    `--service-account-issuer=https://127.0.0.1:${layout.apiserverPort}`,
    `--service-account-key-file=${layout.serviceAccountPublicKeyPath}`,
    `--service-account-signing-key-file=${layout.serviceAccountKeyPath}`,
    // No kubelets or other apiservers: nothing to reconcile the `kubernetes` endpoints against.
    '--endpoint-reconciler-type=none',
    '--profiling=false',
    // Without the controller-manager nobody creates the `default` ServiceAccount, and the
    // ServiceAccount admission plugin would reject every pod.
    ...(withControllerManager ? [] : ['--disable-admission-plugins=ServiceAccount']),
  ];
}

function delegatedServing(layout: ControlPlaneLayout, port: number): string[] {
  return [
    `--kubeconfig=${layout.adminKubeconfigPath}`,
    `--authentication-kubeconfig=${layout.adminKubeconfigPath}`,
    `--authorization-kubeconfig=${layout.adminKubeconfigPath}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${port}`,
    `--tls-cert-file=${layout.servingCertPath}`,
    `--tls-private-key-file=${layout.servingKeyPath}`,
    '--leader-elect=false',
    '--profiling=false',
  ];
}

export function controllerManagerArgs(layout: ControlPlaneLayout): string[] {
  return [
    ...delegatedServing(layout, layout.controllerManagerPort),
    `--service-account-private-key-file=${layout.serviceAccountKeyPath}`,
    `--root-ca-file=${layout.caCertPath}`,
    '--use-service-account-credentials=false',
  ];
}

export function schedulerArgs(layout: ControlPlaneLayout): string[] {
  return delegatedServing(layout, layout.schedulerPort);
}

export function kwokArgs(layout: ControlPlaneLayout): string[] {
  return [
    `--kubeconfig=${layout.adminKubeconfigPath}`,
    `--config=${layout.kwokConfigPath}`,
    '--manage-all-nodes=false',
    `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
    // kwok renews each node's Lease, so the node-lifecycle controller keeps the nodes Ready.
    '--node-lease-duration-seconds=40',
    `--cidr=${POD_CIDR}`,
    `--server-address=127.0.0.1:${layout.kwokPort}`,
  ];
}
