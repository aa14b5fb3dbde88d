// Messages from docs/causes/signature-policy.md (CRI-O policy, containerd 2.1+ image verifiers).
import { describeCause } from './cause-tester.js';

describeCause('signature-policy', {
  meta: { vantage: 'node', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['SignatureValidationFailed', 'ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'image pull failed for ghcr.io/acme/webapi:1.4.2 because the signature validation failed: SignatureValidationFailed: Source image rejected: A signature was required, but no signature exists',
    'Source image rejected: Required email ci@acme.example not found (got [])',
    'invalid policy in "/etc/containers/policy.json": Unknown key "keyPaths"',
    'image verifier bindir blocked pull of ghcr.io/acme/webapi:1.4.2 with digest sha256:0f1e for reason: unsigned',
  ],
  lookalikes: [{ message: 'ghcr.io/acme/webapi:1.4.2: not found', cause: 'image-not-found' }],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'ghcr.io/acme/webapi:1.4.2', registry: 'ghcr.io', sendsCredentials: false }, expected: undefined }],
});
