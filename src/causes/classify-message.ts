// A pull-error message (what kubelet, the runtime or `kubectl describe` says) → a cause of the
// catalogue. Minimal stand-in written by the diagnose work so that its tests run; the classify
// work owns this file and replaces it (same signature): wrappers stripped, then the catalogue's
// MESSAGE_PATTERNS in their precedence, first match wins.
import { parseImageReference } from '../images/parse-image-reference.js';
import { getCause, MESSAGE_PATTERNS, type CauseId } from './index.js';

export interface MessageClassification {
  cause: CauseId;
  /** The image the message names, as it names it. */
  image?: string;
  /** The image's registry host[:port]. */
  registry?: string;
  /** Whether a later attempt may succeed (the cause's recurrence). */
  transient: boolean;
}

const WRAPPERS: readonly RegExp[] = [
  /^\(combined from similar events\): /,
  /^spec\.(?:init|ephemeral)?[cC]ontainers\{[^}]*\}: /,
  /^Reason: /,
];

const IMAGE_IN_MESSAGE = /(?:image|pull image|pulling image|Container image|sandbox image|for) "([^"]+)"/;

export function classifyMessage(message: string): MessageClassification {
  let text = message.trim();
  for (const wrapper of WRAPPERS) text = text.replace(wrapper, '');
  const image = IMAGE_IN_MESSAGE.exec(text)?.[1];
  const parsed = image === undefined || image === '' ? undefined : parseImageReference(image);
  const registry = parsed?.ok === true ? parsed.reference.domain : undefined;
  const found = text === '' ? undefined : MESSAGE_PATTERNS.find((entry) => entry.pattern.test(text));
  const cause: CauseId = found?.cause ?? 'unknown';
  return {
    cause,
    ...(image === undefined || image === '' ? {} : { image }),
    ...(registry === undefined ? {} : { registry }),
    transient: getCause(cause).recurrence === 'transient',
  };
}
