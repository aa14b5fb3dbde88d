// How a fix ends on a given target: the remediation's own sentence, then the target profile's advice
// on getting images to its nodes. The `remote` profile has no advice of its own beyond "push the
// image to a registry the nodes can reach and reference it by that name", which is what the
// remediations' own sentences already say: appending it said everything twice (issue 7), so only
// its last clause is kept there.
import type { RemediationTarget } from './cause.js';

export const PRIVATE_REGISTRY_NOTE = 'Add imagePullSecrets when the registry is private.';

export function withTargetAdvice(own: string, target: RemediationTarget): string {
  return target.id === 'remote' ? `${own} ${PRIVATE_REGISTRY_NOTE}` : `${own} ${target.howToShipImages}`;
}
