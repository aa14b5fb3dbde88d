// Docker Hub's (and GHCR's, Alibaba's) answer that cannot tell a missing repository from a private
// one. Docs: ../../docs/causes/not-found-or-unauthorized.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'not-found-or-unauthorized',
  summary: 'Docker Hub (or a registry like it) refuses the repository: it does not exist or needs other credentials.',
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 5,
  credentialIndependent: false,
  auth: true,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['pull access denied, repository does not exist or may require authorization'],
    messages: [
      // containerd ErrInvalidAuthorization `pull access denied, repository does not exist or may
      // require authorization: %w`; Docker `pull access denied for %s, repository does not exist or
      // may require 'docker login'`, Docker Hub's `denied: requested access to the resource is denied`
      // (CRI-O shows it alone); GHCR's bare `denied` (diagnosis.md §2, §6 step 9). Tried before
      // the generic 401 phrases: these messages often end in "no basic auth credentials".
      {
        pattern: /pull access denied|may require (authorization|'docker login')|requested access to the resource is denied|(^|: |… )denied$/i,
        precedence: 92,
        source: 'containerd core/remotes/docker/errors.go; moby registry/errors.go; GHCR answers',
      },
    ],
    fix: ({ registry: named, host }) => {
      // The token service or API host the message names stands in when no image says which registry.
      const registry = named ?? host;
      return `${registry ?? 'The registry'} does not say whether the repository is missing or private: check the name (push the image if it is yours), or give the pods a pull secret for ${registry ?? 'the registry'} that can read it.`;
    },
  },
  remediation: ({ registry }) => `Check the repository name; if it is private, give the pods a pull secret for ${registry} (imagePullSecrets).`,
};
