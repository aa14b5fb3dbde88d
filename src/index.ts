// The library entry: the same commands the CLI runs, for programs and CI integrations.
export { lint, lintLoaded, type LintOptions } from './commands/lint.js';
export { explain, explainList } from './commands/explain.js';
export { parseConfig, type PullguardConfig, type FailOn } from './core/config.js';
export { exitCodeFor } from './core/exit-code.js';
export { runRules } from './core/run-rules.js';
export * from './core/errors.js';
export type * from './core/types.js';
export type { Rule, RuleMeta, RuleContext } from './core/rule.js';
export { parseImageReference } from './images/parse-image-reference.js';
export type { ImageReference, ImageReferenceResult } from './images/types.js';
export { TARGET_PROFILES, getTargetProfile } from './detect/profiles.js';
export type { TargetProfile, TargetId } from './detect/target-profile.js';
export { findPodSpecs } from './k8s/find-pod-specs.js';
export { parseManifestText } from './k8s/parse-manifest-text.js';
export { loadManifests } from './gateways/load-manifests.js';
export { FORMATTERS, getFormatter } from './formatters/index.js';
export { RULES, getRule } from './rules/index.js';
export { VERSION } from './version.js';
