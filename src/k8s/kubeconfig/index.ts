// k8s/kubeconfig/: kubeconfig files read, merged and resolved exactly as kubectl does, without I/O
// (gateways/kube/ reads the files and runs exec plugins).
export type * from './kubeconfig-types.js';
export { mergeKubeconfigs } from './merge-kubeconfigs.js';
export { parseKubeconfig } from './parse-kubeconfig.js';
export { EXEC_API_VERSIONS, resolveContext, type ContextOverrides, type ResolvedContext } from './resolve-context.js';
export { execCredentialInfo, execInteractivity, parseExecCredential, type ExecCredential, type ExecCredentialInfo } from './exec-credential-info.js';
