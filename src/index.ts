// src/ (the library entry); the folders and what each may import: test/unit/architecture/import-graph.test.ts.
// The library entry: the same commands the CLI runs, for programs and CI integrations.
export { lint, lintLoaded, type LintOptions } from './commands/lint.js';
export { check, type CheckOptions } from './commands/check.js';
export { explain, explainList } from './commands/explain.js';
export { createOciRegistryGateway, type OciRegistryGatewayOptions } from './gateways/registry/oci-registry-gateway.js';
export type { RegistryGateway, ImageCheckRequest, ImageCheckResult, RegistryCredential, RegistryHostSettings, Platform } from './facts/registry-gateway.js';
export { CAUSES, CAUSE_IDS, getCause, isCauseId, type Cause, type CauseId } from './causes/index.js';
export type { Facts, ImagePullFact, Known, UnknownFact } from './facts/facts.js';
export { parseConfig, type PullguardConfig, type FailOn } from './core/config.js';
export { exitCodeFor } from './core/exit-code.js';
export { runRules } from './core/run-rules.js';
export * from './shared/errors.js';
export type * from './core/types.js';
export type * from './manifests/model.js';
export type { Severity } from './shared/severity.js';
export type { Rule, RuleMeta, RuleContext } from './core/rule.js';
export { parseImageReference } from './images/parse-image-reference.js';
export type { ImageReference, ImageReferenceResult } from './images/types.js';
export { TARGET_PROFILES, getTargetProfile } from './detect/profiles.js';
export type { TargetProfile, TargetId } from './detect/target-profile.js';
export { findPodSpecs } from './k8s/find-pod-specs.js';
export { findImageSites } from './k8s/find-image-sites.js';
export { readManifestText, lazyManifestReader } from './manifests/read-manifest-text.js';
export { FULL_YAML_READERS } from './manifests/readers/full-yaml-readers.js';
export { loadManifests } from './gateways/files/load-manifests.js';
export { FORMATTERS, getFormatter } from './formatters/index.js';
export { RULES, getRule } from './rules/index.js';
export { VERSION } from './version.js';
