// A real Kubernetes control plane for tests and benchmarks. See docs/development/control-plane.md.
export { ApiError, type ApiResponse, type RequestOptions } from './api-client.js';
export { locateBinaries, readPinnedVersions, type ControlPlaneBinaries, type PinnedVersions } from './binaries.js';
export {
  ControlPlane,
  isNodeReady,
  startControlPlane,
  uniqueName,
  type ControlPlaneOptions,
  type Identity,
  type KubeObject,
  type PolicyRule,
  type StartupTimings,
} from './control-plane.js';
export {
  authorizationFailed,
  DEFAULT_IMAGE_PULL_FAILURES,
  dnsFailure,
  expandPlaceholders,
  invalidImageName,
  neverPullMissing,
  manifestNotFound,
  pullFailureTexts,
  type ImagePullFailureRule,
  type PullFailureTexts,
} from './image-pull-failure-rules.js';
export { startCuttableRelay, type CuttableRelay } from './cuttable-relay.js';
export { isProcessAlive } from './managed-process.js';
export { internalIpFor, nodeLookingLike, nodeManifest, type NodeInfo, type NodeSpec, type NodeTaint } from './nodes.js';
export { sharedControlPlane } from './shared-control-plane.js';
export { DEFAULT_IMAGE_PULL_TIMING, type ImagePullTiming } from './stages/image-pull-failure.js';
export { ADMIN_USER, RESTRICTED_USER } from './users.js';
export { waitFor, type WaitOptions } from './wait-for.js';
