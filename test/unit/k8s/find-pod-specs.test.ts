import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPodSpecs } from '../../../src/k8s/find-pod-specs.js';

/** What a test compares: the spec's path, whether template metadata was attached, and each container. */
interface Expected {
  path: string;
  metadata: boolean;
  containers: [group: string, index: number, name: string, path: string, image: string | undefined][];
}

function found(value: Record<string, unknown>): Expected[] {
  return findPodSpecs(value).map((site) => ({
    path: site.path.join('.'),
    metadata: site.metadata !== undefined,
    containers: site.containers.map((c) => [c.group, c.index, c.name, c.path.join('.'), c.image]),
  }));
}

const web = { name: 'web', image: 'nginx:1.27.3' };
const podSpec = { containers: [web] };
const template = { metadata: { labels: { app: 'web' } }, spec: podSpec };
const one = (path: string, metadata = true): Expected[] => [{ path, metadata, containers: [['containers', 0, 'web', `${path}.containers.0`, 'nginx:1.27.3']] }];

describe('findPodSpecs: built-in kinds', () => {
  const cases: [kind: string, value: Record<string, unknown>, expected: Expected[]][] = [
    ['Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: podSpec }, one('spec')],
    ['PodTemplate', { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'web' }, template }, one('template.spec')],
    ['ReplicationController', { apiVersion: 'v1', kind: 'ReplicationController', spec: { replicas: 1, template } }, one('spec.template.spec')],
    ['Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template } }, one('spec.template.spec')],
    ['ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { template } }, one('spec.template.spec')],
    ['StatefulSet', { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { serviceName: 'web', template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } }, one('spec.template.spec')],
    ['DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { template } }, one('spec.template.spec')],
    ['Job', { apiVersion: 'batch/v1', kind: 'Job', spec: { template } }, one('spec.template.spec')],
    ['CronJob', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { schedule: '@daily', jobTemplate: { spec: { template } } } }, one('spec.jobTemplate.spec.template.spec')],
    ['a template without metadata', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: podSpec } } }, one('spec.template.spec', false)],
  ];
  for (const [kind, value, expected] of cases) {
    it(kind, () => assert.deepEqual(found(value), expected));
  }

  it('every container group, in order, with indexes kept when an entry is not an object', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.37.0', targetContainerName: 'web' }],
        initContainers: ['not a container', { name: 'migrate', image: 'app-migrate:1.0' }],
        containers: [web, { name: 'sidecar', image: 42 }, { name: 'noimage' }],
      },
    };
    assert.deepEqual(found(pod), [
      {
        path: 'spec',
        metadata: false,
        containers: [
          ['containers', 0, 'web', 'spec.containers.0', 'nginx:1.27.3'],
          ['containers', 1, 'sidecar', 'spec.containers.1', undefined],
          ['containers', 2, 'noimage', 'spec.containers.2', undefined],
          ['initContainers', 1, 'migrate', 'spec.initContainers.1', 'app-migrate:1.0'],
          ['ephemeralContainers', 0, 'debugger', 'spec.ephemeralContainers.0', 'busybox:1.37.0'],
        ],
      },
    ]);
  });

  it('a Pod’s own metadata is the pod metadata', () => {
    const metadata = { name: 'web', annotations: { 'pullguard.dev/ignore': 'latest-tag' } };
    const [site] = findPodSpecs({ apiVersion: 'v1', kind: 'Pod', metadata, spec: podSpec });
    assert.equal(site?.metadata, metadata);
  });

  it('a container without a name but with an image still marks a pod spec', () => {
    assert.deepEqual(found({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ image: 'nginx:1.27.3' }] } }), [
      { path: 'spec', metadata: false, containers: [['containers', 0, '', 'spec.containers.0', 'nginx:1.27.3']] },
    ]);
  });
});

describe('findPodSpecs: custom resources, found by shape', () => {
  const cases: [kind: string, value: Record<string, unknown>, expected: Expected[]][] = [
    ['Argo Rollout', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { strategy: { canary: { steps: [{ setWeight: 20 }] } }, template } }, one('spec.template.spec')],
    ['OpenShift DeploymentConfig', { apiVersion: 'apps.openshift.io/v1', kind: 'DeploymentConfig', spec: { template, triggers: [{ type: 'ConfigChange' }] } }, one('spec.template.spec')],
    ['Knative Service', { apiVersion: 'serving.knative.dev/v1', kind: 'Service', spec: { template: { metadata: { annotations: {} }, spec: { containers: [web] } } } }, one('spec.template.spec')],
    ['KEDA ScaledJob', { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledJob', spec: { jobTargetRef: { template } } }, one('spec.jobTargetRef.template.spec')],
    [
      'Kubeflow PyTorchJob (several replica specs)',
      { apiVersion: 'kubeflow.org/v1', kind: 'PyTorchJob', spec: { pytorchReplicaSpecs: { Master: { replicas: 1, template }, Worker: { replicas: 2, template } } } },
      [...one('spec.pytorchReplicaSpecs.Master.template.spec'), ...one('spec.pytorchReplicaSpecs.Worker.template.spec')],
    ],
    [
      'Argo Rollouts AnalysisTemplate (a Job inside a list of metrics)',
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', spec: { metrics: [{ name: 'load', provider: { job: { spec: { template } } } }] } },
      one('spec.metrics.0.provider.job.spec.template.spec'),
    ],
    [
      'Argo Workflow container set (a single `container` is not a pod spec)',
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        spec: { templates: [{ name: 'a', container: web }, { name: 'b', containerSet: { containers: [web] } }] },
      },
      one('spec.templates.1.containerSet', false),
    ],
  ];
  for (const [kind, value, expected] of cases) {
    it(kind, () => assert.deepEqual(found(value), expected));
  }
});

describe('findPodSpecs: what is not a pod spec', () => {
  const cases: [what: string, value: Record<string, unknown>][] = [
    ['a Service', { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } }],
    ['a ConfigMap holding manifest text', { apiVersion: 'v1', kind: 'ConfigMap', data: { 'pod.yaml': 'spec:\n  containers:\n    - name: web\n' } }],
    ['an empty containers list', { apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } }],
    ['containers that are strings', { apiVersion: 'acme.dev/v1', kind: 'Thing', spec: { containers: ['web', 'db'] } }],
    ['containers without name or image', { apiVersion: 'acme.dev/v1', kind: 'Thing', spec: { containers: [{ ports: [] }] } }],
    ['a Tekton Task (steps are not containers)', { apiVersion: 'tekton.dev/v1', kind: 'Task', spec: { steps: [{ name: 'build', image: 'golang:1.23' }] } }],
    ['anything under metadata', { apiVersion: 'acme.dev/v1', kind: 'Thing', metadata: { name: 'x', extra: { containers: [web] } } }],
  ];
  for (const [what, value] of cases) {
    it(what, () => assert.deepEqual(found(value), []));
  }

  it('does not descend into a pod spec it found', () => {
    // A CRD that nests a second pod spec inside a container (made up, to pin the rule).
    const value = { apiVersion: 'acme.dev/v1', kind: 'Thing', spec: { containers: [{ ...web, inner: { containers: [web] } }] } };
    assert.deepEqual(found(value), one('spec', false));
  });

  it('stops at a bounded depth', () => {
    let deep: Record<string, unknown> = { containers: [web] };
    for (let i = 0; i < 60; i++) deep = { nested: deep };
    assert.deepEqual(found({ apiVersion: 'acme.dev/v1', kind: 'Thing', spec: deep }), []);
    let shallow: Record<string, unknown> = { containers: [web] };
    for (let i = 0; i < 30; i++) shallow = { nested: shallow };
    assert.equal(found({ apiVersion: 'acme.dev/v1', kind: 'Thing', spec: shallow }).length, 1);
  });
});
