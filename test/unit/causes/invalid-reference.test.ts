// Messages from docs/causes/invalid-reference.md (kubelet applyDefaultImageTag before and after
// 1.28, PR #116231) and CRI-O 1.34 short-name enforcement (cri-o#9401).
import { describeCause } from './cause-tester.js';

describeCause('invalid-reference', {
  meta: { vantage: 'manifest', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['InvalidImageName', 'ImageInspectError'] },
  messages: [
    'Failed to apply default image tag "ghcr.io/acme/webapi:${TAG}": couldn\'t parse image name "ghcr.io/acme/webapi:${TAG}": invalid reference format',
    'Failed to apply default image tag "Acme/WebAPI:1.4.2": couldn\'t parse image reference "Acme/WebAPI:1.4.2": invalid reference format: repository name must be lowercase',
    'short name mode is enforcing, but image name busybox:latest returns ambiguous list',
    'short-name "webapi" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"',
  ],
  lookalikes: [{ message: 'Container image "webapi:latest" is not present with pull policy of Never', cause: 'never-pull-missing' }],
  remediation: [{ name: 'the rule invalid-image-reference says how', context: { image: 'Acme/WebAPI:1.4.2', registry: 'docker.io', sendsCredentials: false }, expected: undefined }],
});
