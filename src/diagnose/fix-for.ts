// The fix for one group of failures on this cluster's type: the catalogue's remediation, else what
// to do when nothing more specific is known.
import { getCause, type CauseId, type RemediationTarget } from '../causes/index.js';

export interface FixContext {
  image: string;
  registry: string;
  target: RemediationTarget;
  sendsCredentials: boolean;
  namespace: string;
  missingSecrets: readonly string[];
  agedOut: boolean;
}

export function fixFor(cause: CauseId, context: FixContext): string {
  if (cause === 'unknown' && context.agedOut) {
    // ../shared/docs/diagnosis.md §5: the next attempt is at most 5 minutes away, and a new pod starts the back-off again.
    return (
      'The cause has aged out of the events and the status shows only back-off. kubelet tries again within 5 minutes: ' +
      'run `kubectl get events -n ' +
      context.namespace +
      " --field-selector reason=Failed -w` to catch the next \"Failed to pull image\" event, or delete the pod to reset the back-off."
    );
  }
  const own = getCause(cause).remediation({
    image: context.image,
    registry: context.registry,
    target: context.target,
    sendsCredentials: context.sendsCredentials,
    ...(context.missingSecrets.length === 0 ? {} : { missingSecrets: context.missingSecrets.map((name) => ({ namespace: context.namespace, name })) }),
  });
  return own ?? `See \`pullguard explain ${cause}\`.`;
}
