// The registry has no such repository, tag or digest. Docs: ../../docs/causes/image-not-found.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'image-not-found',
  summary: 'The registry has no such repository, tag or digest.',
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 3,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['…: not found', 'manifest unknown', 'name unknown'],
    messages: [
      // containerd core/remotes/docker/resolver.go (`%s: not found`, gRPC NotFound; repository and
      // tag indistinguishable); CRI-O/containers-image `manifest unknown`; Docker `manifest for %s
      // not found`, `repository %s not found: name unknown`; ECR "does not exist in the registry";
      // Harbor proxy cache `artifact %s not found`; Docker 1.x `Tag %s not found in repository %s`
      // (../shared/docs/diagnosis.md §2, §6 step 12).
      {
        pattern: /name unknown|manifest unknown|repository \S+ not found|does not exist in the registry|artifact \S+ not found|\bTag \S+ not found|: not found\b/i,
        precedence: 120,
        source: 'containerd core/remotes/docker/resolver.go; containers/image docker/docker_image_src.go; moby distribution/errors.go',
      },
    ],
    fix: ({ image, registry, target }) => {
      const own = `${registry ?? 'The registry'} has no ${image === undefined ? 'such image' : image}: fix the repository or tag to one that exists (crane ls REPOSITORY lists the tags), or push the image before deploying.`;
      return target.id === 'remote' ? own : `${own} ${target.howToShipImages}`;
    },
  },
  remediation: ({ image, registry }) => `Push ${image} to ${registry}, or fix the repository or tag to one that exists.`,
};
