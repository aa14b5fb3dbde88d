// Kubelet's words for a container that cannot get its image (pkg/kubelet/images/types.go and
// k8s.io/cri-api/pkg/errors; ../shared/docs/diagnosis.md §1.1), and what each says by itself.
import type { CauseId, WaitingReason } from '../causes/index.js';

export const PULL_WAITING_REASONS: ReadonlySet<string> = new Set<WaitingReason>([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'ImageInspectError',
  'RegistryUnavailable',
  'SignatureValidationFailed',
]);

/**
 * Reasons that name the cause on their own, for when no message survives. RegistryUnavailable is
 * not one: CRI-O says it for a refused connection, cri-dockerd for a 5xx.
 */
export const CAUSE_OF_REASON: Readonly<Record<string, CauseId>> = {
  ErrImageNeverPull: 'never-pull-missing',
  InvalidImageName: 'invalid-reference',
  SignatureValidationFailed: 'signature-policy',
};
