// `imagePullPolicy: Never` on a cluster whose nodes cannot see the developer's images: the incident
// this project was born from (ErrImageNeverPull on AKS). Docs: ../../docs/rules/never-pull-on-remote.md.
import { getCause } from '../causes/index.js';
import type { Rule } from '../core/rule.js';
import { formatJsonPath } from '../manifests/format-json-path.js';
import { pullPolicyOf, writtenPolicy } from '../k8s/pull-policy.js';
import { targetPhrase } from './support/target-phrase.js';

const NEVER_PULL_MISSING = getCause('never-pull-missing');

export const rule: Rule = {
  meta: {
    id: 'never-pull-on-remote',
    defaultSeverity: 'error',
    description: 'imagePullPolicy: Never on a target whose nodes cannot see images built on your machine.',
    requires: 'none',
  },
  check(context) {
    const { target } = context;
    // One policy field can serve several images (Spark's spec.imagePullPolicy): reported once.
    let reported: Set<string> | undefined;
    for (const spec of context.podSpecs) {
      for (const container of spec.containers) {
        if (writtenPolicy(container) !== 'Never') continue;
        const path = pullPolicyOf(container)?.path ?? [...container.path, 'imagePullPolicy'];
        if (container.pullPolicyAt != null) {
          const key = formatJsonPath(path);
          if (reported?.has(key)) continue;
          (reported ??= new Set()).add(key);
        }
        const image = container.image;
        const named = image === undefined ? 'the image' : `"${image}"`;
        const extra = { container: container.name, ...(image === undefined ? {} : { image }) };
        if (!target.nodesSeeLocalImages) {
          context.report({
            path,
            ...extra,
            message: `imagePullPolicy: Never makes the kubelet use only an image already on the node, and the nodes of ${targetPhrase(target)} cannot see images built on your machine: the pod fails with ErrImageNeverPull unless ${named} was preloaded on every node`,
            // The fix is the cause's (never-pull-missing), built for this target.
            remediation: NEVER_PULL_MISSING.remediation({ image: image ?? '', registry: '', target, sendsCredentials: false }) ?? '',
          });
        } else if (target.imageDelivery === 'load-command' && target.loadCommand !== undefined && image !== undefined && container.build === undefined) {
          // (A Skaffold or Tilt build is loaded onto the nodes by the tool itself.) Against a
          // cluster whose nodes were read, image-not-on-nodes says whether the load is needed.
          const onNodes = context.facts.cluster?.nodeImages.get(image)?.onNodes;
          if (onNodes !== undefined && 'value' in onNodes) continue;
          const command = target.loadCommand(image, context.facts.cluster?.clusterName);
          context.report({
            path,
            ...extra,
            severity: 'info',
            message: `imagePullPolicy: Never on ${targetPhrase(target)}: load the image onto the nodes before every deploy (\`${command}\`), or the pod fails with ErrImageNeverPull`,
            remediation: `Run \`${command}\` after each build. ${target.howToShipImages}`,
          });
        }
      }
    }
  },
};
