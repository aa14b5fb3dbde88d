// `pullguard classify` and `diagnose`: what one pull-error message means. The message is cleaned
// (support/normalize-pull-message), what it names is taken out (image, registry), and the leaf
// phrases of the catalogue decide, tried in the catalogue's precedence (MESSAGE_PATTERNS: DNS before
// timeouts, platform before not-found, …). The patterns live in the cause modules; this file only
// orchestrates. Pure: no I/O, no clock.
import type { CauseId, KubeletFixContext, Recurrence, RemediationTarget } from './cause.js';
import { getCause, MESSAGE_PATTERNS } from './index.js';
import { credentialsSent } from './support/credential-signals.js';
import { extractHost, extractImage, extractRegistry } from './support/extract-names.js';
import { normalizePullMessage } from './support/normalize-pull-message.js';
import { redactMessageSecrets } from './support/redact-message-secrets.js';

export interface MessageClassification {
  cause: CauseId;
  /** The image the message names (the pod's image as written when kubelet quotes it). */
  image?: string;
  /** Its registry host[:port] (`docker.io` for Docker Hub), else the host of the URL the message names. */
  registry?: string;
  /** The host the failure names (`lookup HOST`, a URL's host, a dialled address), when it names one. */
  host?: string;
  /** A later attempt may succeed (429, pull QPS, 5xx, timeouts, resets): wait instead of failing. */
  transient: boolean;
  recurrence: Recurrence;
  /** The cause's one-line summary. */
  summary: string;
  /** What to change, for the target. */
  fix: string;
  /** The phrase that decided, as the message has it (secrets redacted); absent when nothing did. */
  evidence?: string;
  /** For the authorization causes: whether the pull sent credentials, when the message says. */
  credentialsSent?: boolean;
}

export interface ClassifyMessageOptions {
  /** The kind of cluster the fix is for; without it, a cluster whose nodes pull from registries. */
  target?: RemediationTarget;
}

const REMOTE_TARGET: RemediationTarget = {
  id: 'remote',
  howToShipImages: 'Push the image to a registry the nodes can reach and reference it by that name.',
};

/** Longest evidence printed: the deciding phrase, not the message. */
const MAX_EVIDENCE_CHARS = 160;

// Image names and URLs are the user's words, not the runtime's: a repository called
// `timeout-tests` or a URL with `unauthorized` in its path must not decide. Quoted names and URLs
// are masked before the leaf phrases are tried (a quoted phrase with blanks stays: it is a message).
const NAME_OR_URL = /"[^"\s]*[/:.][^"\s]*"|\b(?:https?|docker):\/\/[^\s"]+/gi;
// The wrappers kubelet and the runtimes put around the leaf, once the names in them are masked:
// they never decide, so the leaf phrases need not be tried on them.
const WRAPPERS =
  /(?:Failed to pull image|failed to pull and unpack image|failed to resolve reference|failed to get sandbox image|failed to pull image|Back-off pulling image) "…"(?:: |$)|rpc error: code = \w+ desc = |Error response from daemon: /g;

export function classifyMessage(message: string, options: ClassifyMessageOptions = {}): MessageClassification {
  const text = redactMessageSecrets(normalizePullMessage(message));
  const image = text === '' ? undefined : extractImage(text);
  const registry = text === '' ? undefined : extractRegistry(image, text);
  const host = text === '' ? undefined : extractHost(text);

  const leaves = text.replace(NAME_OR_URL, (name: string) => (name.startsWith('"') ? '"…"' : 'URL')).replace(WRAPPERS, '');
  let id: CauseId = 'unknown';
  let evidence: string | undefined;
  if (leaves !== '') {
    for (const entry of MESSAGE_PATTERNS) {
      const match = entry.pattern.exec(leaves);
      if (match === null) continue;
      id = entry.cause;
      evidence = evidenceFrom(leaves, match.index, match[0]);
      break;
    }
  }

  const cause = getCause(id);
  // Only the authorization causes' fixes depend on it (and it costs a few scans of the text).
  const sent = cause.auth ? credentialsSent(text) : undefined;
  // Built field by field: this runs 100,000 times a second, and spreads of optional fields cost
  // more than the classification.
  const context: KubeletFixContext = { target: options.target ?? REMOTE_TARGET };
  const result: MessageClassification = {
    cause: id,
    transient: cause.recurrence === 'transient',
    recurrence: cause.recurrence,
    summary: cause.summary,
    fix: '',
  };
  if (image !== undefined) context.image = result.image = image;
  if (registry !== undefined) context.registry = result.registry = registry;
  if (host !== undefined) context.host = result.host = host;
  if (sent !== undefined) context.credentialsSent = result.credentialsSent = sent;
  if (evidence !== undefined && id !== 'unknown') result.evidence = evidence;
  result.fix = cause.kubelet.fix(context);
  return result;
}

/**
 * The deciding phrase and what follows it (the leaf is the end of a message): `401 Unauthorized`,
 * `lookup HOST on IP:53: no such host`. A match that starts at a separator (`: not found`) takes
 * the part before it too, so that it says what was not found.
 */
function evidenceFrom(leaves: string, index: number, matched: string): string | undefined {
  let start = index;
  if (matched.startsWith(':')) {
    const previous = leaves.lastIndexOf(': ', index - 1);
    start = previous < 0 ? 0 : previous + 2;
  }
  const phrase = leaves.slice(start).trim();
  if (phrase === '') return undefined;
  return phrase.length > MAX_EVIDENCE_CHARS ? `${phrase.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : phrase;
}
