// Which images the fake nodes fail to pull, and with what runtime error. kubelet turns the runtime
// error into waiting reasons, messages and events (pkg/kubelet/images/image_manager.go, v1.36):
// this module derives those texts the same way, and stages/image-pull-failure.ts makes kwok play
// them. Placeholders in `runtimeError`: {image} (the reference as kubelet asks the runtime for it:
// `:latest` added when there is neither tag nor digest), {host}, {repository}, {reference} (tag or
// digest).

export interface ImagePullFailureRule {
  /** Images whose reference (as written in the pod spec) starts with this fail to pull. */
  imagePrefix: string;
  /** The error the container runtime returns, as kubelet receives it. */
  runtimeError: string;
}

/** The kubelet waiting reasons a pull failure can produce (k8s.io/cri-api/pkg/errors, kubelet images). */
export type PullFailureReason = 'ErrImagePull' | 'RegistryUnavailable' | 'SignatureValidationFailed' | 'ErrImageNeverPull' | 'InvalidImageName';

export interface PullFailureTexts {
  reason: PullFailureReason;
  /** Warning event `Failed`: `Failed to pull image "<image>": <runtime error>`. */
  failedEventMessage: string;
  /** `state.waiting.message` while the reason is ErrImagePull (or the other pull-failure reasons). */
  pullWaitingMessage: string;
  /** `state.waiting.message` during back-off: `Back-off pulling image "<image>": <reason>: <message>` (kubelet ≥ 1.32). */
  backOffWaitingMessage: string;
  /** Normal event `BackOff`: `Back-off pulling image "<image>"` (never carries the cause). */
  backOffEventMessage: string;
  /** Normal event `Pulling`. */
  pullingEventMessage: string;
}

/**
 * kubelet's evalCRIPullErr: a runtime error starting with `RegistryUnavailable` or
 * `SignatureValidationFailed` becomes that reason and a rewritten message; anything else is
 * ErrImagePull with the runtime error as the message. Texts keep the placeholders.
 */
export function pullFailureTexts(runtimeError: string): PullFailureTexts {
  let reason: PullFailureReason = 'ErrImagePull';
  let pullWaitingMessage = runtimeError;
  if (runtimeError.startsWith('RegistryUnavailable')) {
    reason = 'RegistryUnavailable';
    pullWaitingMessage = `image pull failed for {image} because the registry is unavailable${runtimeError.slice('RegistryUnavailable'.length)}`;
  } else if (runtimeError === 'ErrImageNeverPull') {
    // Not a runtime error: kubelet refuses before pulling (image_manager.go), and never backs off.
    reason = 'ErrImageNeverPull';
    pullWaitingMessage = 'Container image "{image}" is not present with pull policy of Never';
  } else if (runtimeError === 'InvalidImageName') {
    reason = 'InvalidImageName';
    pullWaitingMessage = 'Failed to apply default image tag "{image}": couldn\'t parse image name "{image}": invalid reference format';
  } else if (runtimeError.startsWith('SignatureValidationFailed')) {
    reason = 'SignatureValidationFailed';
    pullWaitingMessage = `image pull failed for {image} because the signature validation failed${runtimeError.slice('SignatureValidationFailed'.length)}`;
  }
  // kubelet's refusals are not failed pulls: their Warning event carries the refusal itself.
  const refused = reason === 'ErrImageNeverPull' || reason === 'InvalidImageName';
  return {
    reason,
    failedEventMessage: refused ? pullWaitingMessage : `Failed to pull image "{image}": ${runtimeError}`,
    pullWaitingMessage,
    backOffWaitingMessage: `Back-off pulling image "{image}": ${reason}: ${pullWaitingMessage}`,
    backOffEventMessage: 'Back-off pulling image "{image}"',
    pullingEventMessage: 'Pulling image "{image}"',
  };
}

export interface ImageParts {
  image: string;
  host: string;
  repository: string;
  reference: string;
}

/** The placeholder values for one image, computed the way the kwok template computes them. */
export function imageParts(specImage: string): ImageParts {
  const lastSegment = specImage.slice(specImage.lastIndexOf('/') + 1);
  const image = specImage.includes('@') || lastSegment.includes(':') ? specImage : `${specImage}:latest`;
  const host = /^[^/]+/.exec(image)?.[0] ?? '';
  const path = image.slice(host.length + 1);
  const repository = path.replace(/(@.*|:[^:/]*)$/, '');
  const reference = path.slice(repository.length + 1);
  return { image, host, repository, reference };
}

/** Fills the placeholders: what a test expects to read back from the cluster. */
export function expandPlaceholders(text: string, specImage: string): string {
  const parts = imageParts(specImage);
  return text.replace(/\{(image|host|repository|reference)\}/g, (_, key: keyof ImageParts) => parts[key]);
}

/** containerd (2.x, CRI) when the registry's name does not resolve. */
export function dnsFailure(imagePrefix: string): ImagePullFailureRule {
  return {
    imagePrefix,
    runtimeError:
      'failed to pull and unpack image "{image}": failed to resolve reference "{image}": failed to do request: ' +
      'Head "https://{host}/v2/{repository}/manifests/{reference}": dial tcp: lookup {host} on 127.0.0.53:53: no such host',
  };
}

/** containerd when the registry answers 404 for the manifest (gRPC NotFound keeps its prefix since kubelet 1.28). */
export function manifestNotFound(imagePrefix: string): ImagePullFailureRule {
  return {
    imagePrefix,
    runtimeError:
      'rpc error: code = NotFound desc = failed to pull and unpack image "{image}": failed to resolve reference "{image}": {image}: not found',
  };
}

/** containerd when the registry wants credentials that were not sent. */
export function authorizationFailed(imagePrefix: string): ImagePullFailureRule {
  return {
    imagePrefix,
    runtimeError:
      'failed to pull and unpack image "{image}": failed to resolve reference "{image}": pull access denied, repository does not exist or may require authorization: ' +
      'server message: insufficient_scope: authorization failed',
  };
}

/** kubelet's refusals before any pull: the stages keep the reason (no back-off cycle follows). */
export function neverPullMissing(imagePrefix: string): ImagePullFailureRule {
  return { imagePrefix, runtimeError: 'ErrImageNeverPull' };
}

export function invalidImageName(imagePrefix: string): ImagePullFailureRule {
  return { imagePrefix, runtimeError: 'InvalidImageName' };
}

/** The default: anything under `registry.invalid/` (a name that can never resolve, RFC 6761) fails like DNS does. */
export const DEFAULT_IMAGE_PULL_FAILURES: readonly ImagePullFailureRule[] = [dnsFailure('registry.invalid/')];
