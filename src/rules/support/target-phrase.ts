// rules/support/: helpers shared by several rules, nothing a rule outside rules/ needs.
import type { TargetProfile } from '../../detect/target-profile.js';

/** The target as a noun phrase for messages: "Azure Kubernetes Service", "kind", "a remote cluster". */
export function targetPhrase(target: TargetProfile): string {
  return target.id === 'remote' ? 'a remote cluster' : target.displayName;
}
