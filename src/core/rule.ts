import type { CauseId } from '../causes/cause.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { Facts } from '../facts/facts.js';
import type { PodSpecInfo } from '../k8s/types.js';
import type { Severity } from '../shared/severity.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';

/** Declarative metadata of a rule; `docs/rules/<id>.md` is its page (checked by a test). */
export interface RuleMeta {
  /** Stable kebab-case id, equal to the file name. Never renamed. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence, shown in `--help`, SARIF and the docs index. */
  description: string;
  /** What the rule needs beyond the manifests; rules that need facts come out `unknown` offline. */
  requires: 'none' | 'cluster' | 'registry';
  /** When the rule applies at all (e.g. only to remote targets). Defaults to always. */
  appliesTo?: (target: TargetProfile) => boolean;
  /**
   * Whether the rule also judges images found only by the fallback (image fields of custom resources
   * the image-site table does not list, docs/image-sites.md): only rules that cannot be wrong about
   * who pulls the image, and on `remote-targets` only for those whose verdict depends on the nodes
   * being elsewhere. Their findings there are at most warnings.
   */
  checksFallbackSites?: 'any-target' | 'remote-targets';
}

export interface RuleProblem {
  /** Path relative to the object of the node the finding points at. */
  path: JsonPath;
  /** Point at the key instead of the value (for a missing or misplaced field). */
  atKey?: boolean;
  message: string;
  remediation?: string;
  container?: string;
  image?: string;
  /** Override the rule's severity for this one problem (e.g. `local-only-image` is a warning on local targets). */
  severity?: Severity;
  /** The failure cause behind the problem, when a fact names one (registry verdicts). */
  cause?: CauseId;
}

/** Everything a rule may read about the whole run (other objects of the same apply, e.g. ServiceAccounts and Secrets). */
export interface RunFacts {
  objects: readonly ManifestObject[];
  /** The pod specs of each of `objects` (same order), when the caller found them already. */
  podSpecs?: readonly (readonly PodSpecInfo[])[];
}

export interface RuleContext {
  object: ManifestObject;
  podSpecs: readonly PodSpecInfo[];
  target: TargetProfile;
  run: RunFacts;
  /** What gathering learnt about the world in this run (registry verdicts, ...); empty for lint. */
  facts: Facts;
  report(problem: RuleProblem): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
