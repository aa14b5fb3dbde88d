// Messages from docs/causes/platform-mismatch.md and diagnosis.md §2 (containerd, CRI-O, Docker).
import { describeCause } from './cause-tester.js';

describeCause('platform-mismatch', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/webapi:1.4.2": no match for platform in manifest: not found',
    'failed to unpack image on snapshotter overlayfs: no match for platform in manifest sha256:0f1e: not found',
    'choosing image instance: no image found in manifest list for architecture arm64, variant "v8", OS linux',
    'Error response from daemon: no matching manifest for linux/arm64/v8 in the manifest list entries',
  ],
  lookalikes: [{ message: 'ghcr.io/acme/webapi:1.4.2: not found', cause: 'image-not-found' }],
  remediation: [
    {
      name: 'build for every node platform',
      context: { image: 'ghcr.io/acme/webapi:1.4.2', registry: 'ghcr.io', sendsCredentials: false },
      expected: 'Build and push the image for every node platform (docker buildx build --platform ...), or set --platform / platforms in .pullguard.yaml to what the nodes run.',
    },
  ],
});
