// The failure cause ids of DESIGN.md ("Failure causes"): what a pull failure comes down to, shared by
// the registry checks, `explain` and the docs (docs/causes/ID.md, one page each, checked by a test).
// Ids are a public contract (JSON `cause` and `status`): add one only with a reason, never rename one.

export const FAILURE_CAUSE_IDS = [
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

export type FailureCauseId = (typeof FAILURE_CAUSE_IDS)[number];

/** One line per cause, shown by `pullguard explain --list` and in docs/causes/README.md. */
export const FAILURE_CAUSE_SUMMARIES: Readonly<Record<FailureCauseId, string>> = Object.freeze({
  'image-not-found': 'The registry has no such repository, tag or digest.',
  'not-found-or-unauthorized': 'Docker Hub (or a registry like it) refuses the repository: it does not exist or needs other credentials.',
  unauthorized: 'The registry wants credentials and got none, or rejected the ones it got.',
  forbidden: 'The registry accepted the credentials but does not let them pull this repository.',
  'rate-limited': 'Too many pulls: the registry (429 toomanyrequests) or the kubelet itself (pull QPS exceeded) refused for now.',
  'platform-mismatch': "The image exists, but not for the nodes' operating system and CPU architecture.",
  'tls-error': "The registry's TLS certificate is not trusted by, or not valid for, the client.",
  'dns-error': 'The registry host name does not resolve from where the pull runs.',
  'network-timeout': 'The registry did not answer in time, or the connection broke off.',
  'connection-refused': 'Nothing listens at the registry address (often localhost, which on a node means the node).',
  'http-vs-https': 'One side speaks plain HTTP and the other HTTPS.',
  'never-pull-missing': 'imagePullPolicy: Never and the image is not on the node.',
  'invalid-reference': 'The image string is not a valid image reference (InvalidImageName).',
  'registry-server-error': 'The registry or a proxy in front of it failed (HTTP 5xx, RegistryUnavailable).',
  'disk-pressure': 'The node ran out of disk space while unpacking the image.',
  'signature-policy': 'A signature or image policy on the node rejected the image (SignatureValidationFailed).',
  'unsupported-image-format': 'The manifest is in a format the runtime refuses (Docker schema 1, an OCI artifact, an unknown media type).',
  'pull-secret-missing': 'The pod names an imagePullSecret that does not exist in its namespace, so the kubelet pulls without it.',
  unknown: 'The cause could not be determined from what the registry or the cluster said.',
});

export function isFailureCauseId(id: string): id is FailureCauseId {
  return (FAILURE_CAUSE_IDS as readonly string[]).includes(id);
}
