// rules/: one file per rule, helpers in support/. Imports core/ and the folders below it.
// The explicit, sorted rule registry (a test keeps it sorted and in step with docs/rules/).
import type { Rule } from '../core/rule.js';
import { rule as buildToolImage } from './build-tool-image.js';
import { rule as deprecatedRegistry } from './deprecated-registry.js';
import { rule as fileUnreadable } from './file-unreadable.js';
import { rule as imageNotOnNodes } from './image-not-on-nodes.js';
import { rule as imagePull } from './image-pull.js';
import { rule as invalidImageReference } from './invalid-image-reference.js';
import { rule as invalidPullSecret } from './invalid-pull-secret.js';
import { rule as latestTag } from './latest-tag.js';
import { rule as localOnlyImage } from './local-only-image.js';
import { rule as localhostRegistryOnRemote } from './localhost-registry-on-remote.js';
import { rule as missingPullSecret } from './missing-pull-secret.js';
import { rule as missingTag } from './missing-tag.js';
import { rule as namespaceMissing } from './namespace-missing.js';
import { rule as neverPullOnRemote } from './never-pull-on-remote.js';
import { rule as placeholderRegistry } from './placeholder-registry.js';
import { rule as targetMismatch } from './target-mismatch.js';
import { rule as unknownPullSecret } from './unknown-pull-secret.js';
import { rule as unknownServiceAccount } from './unknown-service-account.js';
import { rule as unresolvedVariable } from './unresolved-variable.js';
import { rule as yamlSyntax } from './yaml-syntax.js';

export const RULES: readonly Rule[] = Object.freeze([
  buildToolImage,
  deprecatedRegistry,
  fileUnreadable,
  imageNotOnNodes,
  imagePull,
  invalidImageReference,
  invalidPullSecret,
  latestTag,
  localOnlyImage,
  localhostRegistryOnRemote,
  missingPullSecret,
  missingTag,
  namespaceMissing,
  neverPullOnRemote,
  placeholderRegistry,
  targetMismatch,
  unknownPullSecret,
  unknownServiceAccount,
  unresolvedVariable,
  yamlSyntax,
]);

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
