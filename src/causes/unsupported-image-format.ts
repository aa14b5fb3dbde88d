// The manifest is in a format the runtime refuses. Docs: ../../docs/causes/unsupported-image-format.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'unsupported-image-format',
  summary: 'The manifest is in a format the runtime refuses (Docker schema 1, an OCI artifact, an unknown media type).',
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 2,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['Pulling Schema 1 images have been deprecated …'],
    messages: [
      // containerd 2.0 `Pulling Schema 1 images have been deprecated`, 2.1+ `schema 1 image
      // manifests are no longer supported`, 1.x `...manifest.v1+prettyjws) from remote: not found`
      // (a "not found" that is no missing image: tried before image-not-found; kubernetes/k8s.io#8650).
      { pattern: /schema 1|manifest\.v1\+prettyjws/i, precedence: 110, source: 'containerd core/remotes/docker/schema1; core/transfer/local/pull.go' },
    ],
    fix: () =>
      'The runtime refuses this manifest format (Docker schema 1, or an artifact that is no image): rebuild and push the image with a current builder, or copy it converted (crane copy, skopeo copy --format oci), and use the new tag or digest.',
  },
  remediation: () =>
    'Point image: at a container image (not a Helm chart or another OCI artifact); if it is one, rebuild and push it with a current builder (schema 1 manifests no longer pull).',
};
