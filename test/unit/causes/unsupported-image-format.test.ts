// Messages from docs/causes/unsupported-image-format.md (containerd 2.0 and 2.1+, and the older
// schema 1 "not found"; kubernetes/k8s.io#8650).
import { describeCause } from './cause-tester.js';

describeCause('unsupported-image-format', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to pull and unpack image "registry.k8s.io/busybox:latest": failed to get converter for "registry.k8s.io/busybox:latest": Pulling Schema 1 images have been deprecated and disabled by default since containerd v2.0.',
    'schema 1 image manifests are no longer supported',
    'failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:0f1e (application/vnd.docker.distribution.manifest.v1+prettyjws) from remote: not found',
  ],
  lookalikes: [{ message: 'registry.k8s.io/busybox:latest: not found', cause: 'image-not-found' }],
  remediation: [
    {
      name: 'a container image, built by a current builder',
      context: { image: 'registry.k8s.io/busybox:latest', registry: 'registry.k8s.io', sendsCredentials: false },
      expected:
        'Point image: at a container image (not a Helm chart or another OCI artifact); if it is one, rebuild and push it with a current builder (schema 1 manifests no longer pull).',
    },
  ],
});
