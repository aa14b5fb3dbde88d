// Messages from docs/causes/image-not-found.md and ../shared/docs/diagnosis.md §2 (containerd
// resolver.go, containers/image, moby, ECR, Harbor).
import { describeCause } from './cause-tester.js';

describeCause('image-not-found', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to pull and unpack image "ghcr.io/acme/webapi:1.4.3": failed to resolve reference "ghcr.io/acme/webapi:1.4.3": ghcr.io/acme/webapi:1.4.3: not found',
    'initializing source docker://ghcr.io/acme/webapi:1.4.3: reading manifest 1.4.3 in ghcr.io/acme/webapi: manifest unknown',
    'Error reading manifest 1.4.3 in ghcr.io/acme/webapi: manifest unknown: manifest unknown',
    'Error response from daemon: manifest for ghcr.io/acme/webapi:1.4.3 not found: manifest unknown: manifest unknown',
    'Error response from daemon: repository ghcr.io/acme/webapi not found: name unknown: repository name not known to registry',
    "name unknown: The repository with name 'webapi' does not exist in the registry with id '123456789123'",
    'unknown: artifact library/webapi:1.4.3 not found',
  ],
  lookalikes: [
    { message: 'failed to pull and unpack image "ghcr.io/acme/webapi:1.4.2": no match for platform in manifest: not found', cause: 'platform-mismatch' },
    { message: 'could not fetch content descriptor sha256:0f1e (application/vnd.docker.distribution.manifest.v1+prettyjws) from remote: not found', cause: 'unsupported-image-format' },
    { message: 'Source image rejected: Required email ci@acme.example not found (got [])', cause: 'signature-policy' },
    { message: 'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: no such host', cause: 'dns-error' },
  ],
  remediation: [
    {
      name: 'push the image or fix the name',
      context: { image: 'ghcr.io/acme/webapi:1.4.3', registry: 'ghcr.io', sendsCredentials: false },
      expected: 'Push ghcr.io/acme/webapi:1.4.3 to ghcr.io, or fix the repository or tag to one that exists.',
    },
  ],
});
