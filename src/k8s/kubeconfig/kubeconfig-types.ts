// The parts of a kubeconfig file that pullguard reads, as client-go's clientcmd/api/v1 types name
// them (with kubectl's YAML keys in the comments). Paths are already absolute: each file's relative
// paths are resolved against its own folder when it is parsed, as client-go does before merging.

/** Where a named entry was defined, for messages. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

export interface KubeconfigCluster {
  server?: string;
  /** `certificate-authority`: a file. */
  certificateAuthority?: string;
  /** `certificate-authority-data`: the PEM, decoded from base64. */
  certificateAuthorityData?: string;
  /** `tls-server-name`: the name the serving certificate must have, when it is not the server's host. */
  tlsServerName?: string;
  /** `insecure-skip-tls-verify`. */
  insecureSkipTlsVerify: boolean;
  /** `proxy-url`. */
  proxyUrl?: string;
}

export interface ExecEnvVar {
  name: string;
  value: string;
}

export type InteractiveMode = 'Never' | 'IfAvailable' | 'Always';

/** `user.exec`: a client-go credential plugin (client.authentication.k8s.io). */
export interface KubeconfigExec {
  command: string;
  args: string[];
  env: ExecEnvVar[];
  apiVersion: string;
  installHint?: string;
  provideClusterInfo: boolean;
  /** Absent in v1beta1 configs, where it means IfAvailable; required in v1. */
  interactiveMode?: InteractiveMode;
}

export interface KubeconfigUser {
  token?: string;
  /** `tokenFile`. */
  tokenFile?: string;
  /** `client-certificate`, `client-certificate-data` (decoded). */
  clientCertificate?: string;
  clientCertificateData?: string;
  /** `client-key`, `client-key-data` (decoded). */
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  exec?: KubeconfigExec;
  /** `auth-provider.name`: legacy in-tree providers (gcp, azure, oidc), which kubectl itself no longer has. */
  authProvider?: string;
}

export interface KubeconfigContext {
  cluster: string;
  user: string;
  namespace?: string;
}

export interface Named<T> {
  value: T;
  origin: Origin;
}

/** One file, parsed. */
export interface KubeconfigFile {
  file: string;
  clusters: Map<string, Named<KubeconfigCluster>>;
  users: Map<string, Named<KubeconfigUser>>;
  contexts: Map<string, Named<KubeconfigContext>>;
  currentContext?: string;
}

/** Several files merged by kubectl's rules (merge-kubeconfigs.ts). */
export interface Kubeconfig {
  /** The files merged, in precedence order. */
  files: string[];
  clusters: Map<string, Named<KubeconfigCluster>>;
  users: Map<string, Named<KubeconfigUser>>;
  contexts: Map<string, Named<KubeconfigContext>>;
  currentContext?: string;
}
