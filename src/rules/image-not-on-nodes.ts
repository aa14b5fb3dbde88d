// An image the nodes must already hold (imagePullPolicy: Never, or IfNotPresent with a name that can
// only be a local build) that none of the cluster's nodes lists in node.status.images. On a local
// cluster it also says whether this machine's container runtime has the image, and gives the
// command that gets it onto these nodes (kind load ... --name CLUSTER, minikube -p PROFILE image
// load, k3d image import -c CLUSTER, ...), or the build that is missing; on a remote cluster, the
// push. Docs: ../../docs/rules/image-not-on-nodes.md.
import type { Rule } from '../core/rule.js';
import type { LocalRuntimeImage } from '../facts/cluster-facts.js';
import { imagePath } from '../k8s/container-images.js';
import { effectivePullPolicy } from '../k8s/pull-policy.js';
import { buildCommand, loadCommand, pushCommands, type DeliveryContext } from './support/image-delivery.js';
import { validImages } from './support/object-images.js';
import { targetPhrase } from './support/target-phrase.js';

function runtimeSays(runtime: LocalRuntimeImage | undefined): string {
  if (runtime === undefined) return '';
  if ('unknown' in runtime) return `; whether this machine's container runtime has it is unknown (${runtime.unknown})`;
  return runtime.present
    ? `; this machine's docker (${runtime.endpoint}) has it (${runtime.id.replace(/^sha256:/, '').slice(0, 12)})`
    : `; this machine's docker (${runtime.endpoint}) does not have it either`;
}

function remediation(image: string, reference: Parameters<typeof pushCommands>[1], runtime: LocalRuntimeImage | undefined, delivery: DeliveryContext): string {
  const { target } = delivery;
  if (target.location === 'remote') {
    const push = pushCommands(image, reference, delivery.registry);
    return `Push it to a registry the nodes pull from (\`${push.commands}\`), reference it as ${push.target} and drop imagePullPolicy: Never. ${target.howToShipImages}`;
  }
  const built = runtime !== undefined && 'present' in runtime && runtime.present;
  const load = loadCommand(image, delivery);
  if (load !== undefined) return built ? `Load it onto the nodes: \`${load}\`.` : `Build it, then load it onto the nodes: \`${buildCommand(image)} && ${load}\`.`;
  if (target.imageDelivery === 'shared-daemon') {
    const lead = built
      ? `The docker this machine uses is not the daemon the nodes of ${target.displayName} use: point docker at that daemon and build there (\`${buildCommand(image)}\`).`
      : `Build it with docker pointed at the daemon the nodes of ${target.displayName} use (\`${buildCommand(image)}\`).`;
    return `${lead} ${target.howToShipImages}`;
  }
  return `${built ? '' : `Build it (\`${buildCommand(image)}\`). `}${target.howToShipImages}`;
}

export const rule: Rule = {
  meta: {
    id: 'image-not-on-nodes',
    defaultSeverity: 'error',
    description: 'An image the nodes must already hold (imagePullPolicy Never, or a local-only name) is on none of the nodes of the cluster (checked by pullguard check against a cluster).',
    requires: 'cluster',
  },
  check(context) {
    const cluster = context.facts.cluster;
    if (cluster === undefined || cluster.nodeImages.size === 0) return;
    const delivery: DeliveryContext = {
      target: context.target,
      ...(cluster.clusterName === undefined ? {} : { clusterName: cluster.clusterName }),
      ...(cluster.loadCommand === undefined ? {} : { loadCommandTemplate: cluster.loadCommand }),
      ...(cluster.registry === undefined ? {} : { registry: cluster.registry }),
    };
    const nodes = 'value' in cluster.nodes ? cluster.nodes.value.count : 0;
    for (const { container, verdict } of validImages(context)) {
      const fact = cluster.nodeImages.get(verdict.image);
      if (fact === undefined || !('value' in fact.onNodes) || fact.onNodes.value) continue;
      const never = effectivePullPolicy(container, verdict.reference).policy === 'Never';
      const outcome = never
        ? 'kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull'
        : `kubelet pulls it from ${verdict.reference.domain} as ${verdict.reference.normalized} and fails with ErrImagePull`;
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `${verdict.image} is on none of the ${nodes} node(s) of ${targetPhrase(context.target)} ${cluster.clusterName ?? cluster.contextName}, so ${outcome}${runtimeSays(fact.localRuntime)}`,
        remediation: remediation(verdict.image, verdict.reference, fact.localRuntime, delivery),
      });
    }
  },
};
