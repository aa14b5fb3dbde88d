// The two rules whose tables predate `placements()` (never-pull-on-remote.test.ts, local-only-image.test.ts),
// held to every place a pod spec can sit and to the ignore annotation and `.pullguard.yaml` settings.
import { rule as localOnlyImage } from '../../../src/rules/local-only-image.js';
import { rule as neverPullOnRemote } from '../../../src/rules/never-pull-on-remote.js';
import { ruleTester, type InvalidRuleTestCase } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, placements, pod, validAtEveryPlacement } from './manifests.js';

const NEVER_ON_AKS =
  'imagePullPolicy: Never makes the kubelet use only an image already on the node, and the nodes of Azure Kubernetes Service cannot see images built on your machine: the pod fails with ErrImageNeverPull unless "webapi:1.0" was preloaded on every node';

/** The `imagePullPolicy` value sits on the line after the image in YAML, after it on the same line in JSON. */
function neverPullEverywhere(): InvalidRuleTestCase[] {
  return placements('webapi:1.0', ['imagePullPolicy: Never'], { imagePullPolicy: 'Never' }).map((p) => {
    const json = p.name.startsWith('JSON');
    return {
      name: `aks: Never in ${p.name}`,
      target: 'aks',
      yaml: p.yaml,
      errors: [
        {
          line: json ? p.line : p.line + 1,
          column: json ? p.column + '"webapi:1.0", "imagePullPolicy": '.length : p.column + 'imagePullPolicy: '.length - 'image: '.length,
          path: p.path.replace(/image$/, 'imagePullPolicy'),
          container: p.container,
          image: 'webapi:1.0',
          message: NEVER_ON_AKS,
        },
      ],
    };
  });
}

ruleTester(neverPullOnRemote, {
  valid: [
    ...validAtEveryPlacement('webapi:1.0', { target: 'aks', extra: ['imagePullPolicy: IfNotPresent'], jsonExtra: { imagePullPolicy: 'IfNotPresent' } }),
    { name: 'aks: ignored with pullguard.dev/ignore', target: 'aks', yaml: annotatedPod('webapi:1.0', { 'pullguard.dev/ignore': 'never-pull-on-remote' }, ['imagePullPolicy: Never']) },
    { name: 'aks: switched off in .pullguard.yaml', target: 'aks', yaml: pod('webapi:1.0', ['imagePullPolicy: Never']), ruleSettings: { 'never-pull-on-remote': 'off' } },
    { name: 'rancher-desktop shares the build daemon', target: 'rancher-desktop', yaml: pod('webapi:1.0', ['imagePullPolicy: Never']) },
    { name: 'colima shares the build daemon', target: 'colima', yaml: pod('webapi:1.0', ['imagePullPolicy: Never']) },
  ],
  invalid: [
    ...neverPullEverywhere(),
    {
      name: 'gke: a severity from .pullguard.yaml',
      target: 'gke',
      yaml: pod('webapi:1.0', ['imagePullPolicy: Never']),
      ruleSettings: { 'never-pull-on-remote': 'warning' },
      errors: [{ line: 9, column: 24, severity: 'warning', message: /^imagePullPolicy: Never makes the kubelet use only an image already on the node, and the nodes of Google Kubernetes Engine cannot see/ }],
    },
    {
      name: 'microk8s: the info names its import command',
      target: 'microk8s',
      yaml: pod('webapi:1.0', ['imagePullPolicy: Never']),
      errors: [{ line: 9, column: 24, severity: 'info', message: 'imagePullPolicy: Never on MicroK8s: load the image onto the nodes before every deploy (`docker save webapi:1.0 | microk8s ctr image import -`), or the pod fails with ErrImageNeverPull' }],
    },
  ],
});

ruleTester(localOnlyImage, {
  valid: [
    ...validAtEveryPlacement('nginx:1.27.3'),
    ...validAtEveryPlacement('webapi:1.0', { target: 'docker-desktop' }),
    { name: 'remote: ignored with pullguard.dev/ignore', yaml: annotatedPod('webapi:1.0', { 'pullguard.dev/ignore': 'local-only-image' }) },
    { name: 'remote: ignored with pullguard.dev/ignore: *', yaml: annotatedPod('webapi:1.0', { 'pullguard.dev/ignore': '*' }) },
    { name: 'remote: switched off in .pullguard.yaml', yaml: pod('webapi:1.0'), ruleSettings: { 'local-only-image': 'off' } },
  ],
  invalid: [
    ...invalidAtEveryPlacement('webapi:1.0', {
      message:
        '"webapi:1.0" resolves to docker.io/library/webapi:1.0, which is not a Docker Hub official image: it can only exist where it was built; the nodes of a remote cluster pull it from Docker Hub and fail with ErrImagePull',
    }),
    {
      name: 'remote: a severity from .pullguard.yaml',
      yaml: pod('webapi:1.0'),
      ruleSettings: { 'local-only-image': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: /^"webapi:1\.0" resolves to docker\.io\/library\/webapi:1\.0, which is not a Docker Hub official image/ }],
    },
    {
      name: 'remote: ignoring another rule does not hide it',
      yaml: annotatedPod('webapi:1.0', { 'pullguard.dev/ignore': 'latest-tag,missing-tag' }),
      errors: [{ line: 10, column: 14, message: /^"webapi:1\.0" resolves to docker\.io\/library\/webapi:1\.0/ }],
    },
  ],
});
