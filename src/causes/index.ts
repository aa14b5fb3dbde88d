// causes/: the failure-cause catalogue (DESIGN.md "Failure causes"), one module per cause like
// src/rules/, and the classifiers that map what was observed to a cause. Imports images/ and shared/.
// The one list that registry verdicts, the image-pull rule, explain and the docs read (and later
// classify, diagnose and deploy).
import { CAUSE_IDS, type Cause, type CauseId, type MessagePattern } from './cause.js';
import { cause as connectionRefused } from './connection-refused.js';
import { cause as diskPressure } from './disk-pressure.js';
import { cause as dnsError } from './dns-error.js';
import { cause as forbidden } from './forbidden.js';
import { cause as httpVsHttps } from './http-vs-https.js';
import { cause as imageNotFound } from './image-not-found.js';
import { cause as invalidReference } from './invalid-reference.js';
import { cause as networkTimeout } from './network-timeout.js';
import { cause as neverPullMissing } from './never-pull-missing.js';
import { cause as notFoundOrUnauthorized } from './not-found-or-unauthorized.js';
import { cause as platformMismatch } from './platform-mismatch.js';
import { cause as pullSecretMissing } from './pull-secret-missing.js';
import { cause as rateLimited } from './rate-limited.js';
import { cause as registryServerError } from './registry-server-error.js';
import { cause as signaturePolicy } from './signature-policy.js';
import { cause as tlsError } from './tls-error.js';
import { cause as unauthorized } from './unauthorized.js';
import { cause as unknown } from './unknown.js';
import { cause as unsupportedImageFormat } from './unsupported-image-format.js';

export { CAUSE_IDS, UNRANKED } from './cause.js';
export type { Cause, CauseId, KubeletFixContext, KubeletSignature, MessagePattern, Recurrence, RemediationContext, RemediationTarget, Vantage, WaitingReason } from './cause.js';

/** Sorted by id (a test keeps it so and in step with docs/causes/ and CAUSE_IDS). */
export const CAUSES: readonly Cause[] = Object.freeze([
  connectionRefused,
  diskPressure,
  dnsError,
  forbidden,
  httpVsHttps,
  imageNotFound,
  invalidReference,
  networkTimeout,
  neverPullMissing,
  notFoundOrUnauthorized,
  platformMismatch,
  pullSecretMissing,
  rateLimited,
  registryServerError,
  signaturePolicy,
  tlsError,
  unauthorized,
  unknown,
  unsupportedImageFormat,
]);

const BY_ID: ReadonlyMap<string, Cause> = new Map(CAUSES.map((cause) => [cause.id, cause]));

export function isCauseId(id: string): id is CauseId {
  return BY_ID.has(id);
}

export function getCause(id: CauseId): Cause {
  return BY_ID.get(id) as Cause;
}

/** Every cause in DESIGN.md's order, for listings (`explain --list`, docs/causes/README.md). */
export function causesInDesignOrder(): Cause[] {
  return CAUSE_IDS.map(getCause);
}

/** Every message pattern of the catalogue with its cause, in the order they are to be tried. */
export const MESSAGE_PATTERNS: readonly (MessagePattern & { cause: CauseId })[] = Object.freeze(
  CAUSES.flatMap((cause) => cause.kubelet.messages.map((message) => ({ ...message, cause: cause.id }))).sort((a, b) => a.precedence - b.precedence),
);
