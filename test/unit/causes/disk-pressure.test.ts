// Messages from docs/causes/disk-pressure.md (containerd unpacker, moby layer store).
import { describeCause } from './cause-tester.js';

describeCause('disk-pressure', {
  meta: { vantage: 'node', recurrence: 'transient', credentialIndependent: false, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to pull and unpack image "ghcr.io/acme/ml-model:3.0": failed to extract layer sha256:0f1e: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/412/fs/model.bin: no space left on device',
    'failed to register layer: Error processing tar file(exit status 1): write /usr/lib/libfoo.so: no space left on device',
  ],
  lookalikes: [{ message: 'failed to copy: read tcp 10.0.1.4:40122->140.82.112.33:443: read: connection reset by peer', cause: 'network-timeout' }],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'ghcr.io/acme/ml-model:3.0', registry: 'ghcr.io', sendsCredentials: false }, expected: undefined }],
});
