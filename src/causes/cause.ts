// What the catalogue knows about one failure cause (DESIGN.md "Failure causes"): the shape every
// module of src/causes/ fills in. Registry verdicts, the image-pull rule and explain read causes
// only through this; classify, diagnose and deploy will read the kubelet half. Pure data and
// pure functions; imports nothing.

/**
 * The cause ids, in DESIGN.md's order (which `explain --list` and docs/causes/README.md keep).
 * A public contract (JSON `cause` and `status`): add one only with a reason, never rename one.
 */
export const CAUSE_IDS = [
  'image-not-found',
  'not-found-or-unauthorized',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'platform-mismatch',
  'tls-error',
  'dns-error',
  'network-timeout',
  'connection-refused',
  'http-vs-https',
  'never-pull-missing',
  'invalid-reference',
  'registry-server-error',
  'disk-pressure',
  'signature-policy',
  'unsupported-image-format',
  'pull-secret-missing',
  'unknown',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

/**
 * Where the cause can be seen from. `registry`: the registry's answer about the image or the
 * credentials, the same from any client; `network`: the path between a client and the registry
 * (DNS, TLS, routes, per-address rate limits, proxies), so a check from this machine may not see
 * what the nodes see; `node`: only on the node (its disk, its images, its policy); `manifest`: in
 * the objects being applied.
 */
export type Vantage = 'registry' | 'network' | 'node' | 'manifest';

/**
 * `deterministic`: the same pull fails the same way until something is changed (deploy can stop
 * at the first failure); `transient`: a later attempt may succeed (deploy waits it out).
 */
export type Recurrence = 'deterministic' | 'transient';

/** Kubelet's `state.waiting.reason` values for image pulls (pkg/kubelet/images/types.go). */
export type WaitingReason =
  | 'ErrImagePull'
  | 'ImagePullBackOff'
  | 'ErrImageNeverPull'
  | 'InvalidImageName'
  | 'ImageInspectError'
  | 'RegistryUnavailable'
  | 'SignatureValidationFailed';

/**
 * A leaf phrase of a pull-error message (after the wrappers are stripped) that means this cause.
 * Patterns of all causes are tried in `precedence` order, lowest first, the first match winning:
 * DNS before timeouts and refusals, platform before not-found (the steps of
 * docs/causes/README.md "Reading a pull error").
 */
export interface MessagePattern {
  pattern: RegExp;
  precedence: number;
  /** Where the wording comes from (runtime source file, issue, docs page). */
  source: string;
}

export interface KubeletSignature {
  /** Waiting reasons a container shows for this cause, the most telling first. */
  reasons: readonly WaitingReason[];
  /** Event reasons beside the pull failure that point at it (pod-level `FailedToRetrieveImagePullSecret`). */
  events?: readonly string[];
  /**
   * What `kubectl describe pod` typically shows, `…` for the variable parts: the "what kubectl
   * shows" column of docs/causes/README.md (checked by a test), each matched by `messages`.
   */
  shows: readonly string[];
  messages: readonly MessagePattern[];
  /**
   * The one-line fix when a node reported this cause (classify, diagnose): what to change, for the
   * target's kind of cluster. The docs page has the long form.
   */
  fix(context: KubeletFixContext): string;
}

/** What a pull-error message tells about the failed pull; everything in it is safe to print. */
export interface KubeletFixContext {
  /** The image as the message names it, when it does. */
  image?: string;
  /** Its registry host[:port], when known. */
  registry?: string;
  /**
   * The host the failure names (`lookup HOST`, a URL's host, a dialled address), which may be a
   * mirror, a token service or a blob CDN rather than the registry itself.
   */
  host?: string;
  target: RemediationTarget;
  /** Whether the pull sent credentials, when the message says (`failed to fetch anonymous token`: no). */
  credentialsSent?: boolean;
}

/**
 * What a remediation needs of the target profile (src/detect/ `TargetProfile` has it; spelt out
 * here so that the catalogue, below detect/ in the layering, does not import it).
 */
export interface RemediationTarget {
  id: string;
  /** The profile's advice on getting an image to its nodes. */
  howToShipImages: string;
}

/** What a remediation may say about one image use; nothing in it is secret. */
export interface RemediationContext {
  /** The image string exactly as written. */
  image: string;
  /** The image's registry host[:port] (`ghcr.io`, `docker.io`). */
  registry: string;
  target: RemediationTarget;
  /** `anonymous` or where the deciding credential came from (`secret team/regcred (.dockerconfigjson)`). */
  credentialSource?: string;
  /** Whether the pod sends any credential for this image. */
  sendsCredentials: boolean;
  /** Pull secrets the pod names that were not found (`pull-secret-missing`); names only. */
  missingSecrets?: readonly { namespace: string; name: string }[];
}

export interface Cause {
  id: CauseId;
  /** One line, shown by `explain --list` and in docs/causes/README.md. */
  summary: string;
  vantage: Vantage;
  recurrence: Recurrence;
  /**
   * When every credential failed, the verdict that says most about the image wins: lower first.
   * Causes no registry check returns share the last rank.
   */
  rank: number;
  /** The network, TLS or scheme failed before credentials mattered: trying another credential cannot change it. */
  credentialIndependent: boolean;
  /** The registry refused the credentials sent (or their absence): other credentials may pull. */
  auth: boolean;
  kubelet: KubeletSignature;
  /** The fix for this use of an image, or undefined when there is nothing more specific than the docs page. */
  remediation(context: RemediationContext): string | undefined;
}

/** The rank of causes that are not registry verdicts (they never compete). */
export const UNRANKED = 100;
