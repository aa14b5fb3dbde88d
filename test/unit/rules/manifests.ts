import type { ExpectedFinding, InvalidRuleTestCase, RuleTestCase } from '../../support/rule-tester.js';

// Small manifest builders for the rule tables, so that positions are predictable:
// in `pod()` the image value is at line 8, column 14 and extra container lines start at line 9;
// in `deployment()` the image value is at line 10, column 18 and extra container lines start at line 11.

/** A Pod with one container named "web"; `extra` are more lines of that container (without indentation). */
export function pod(image: string, extra: readonly string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: web',
    `      image: ${image}`,
    ...extra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** A Deployment with one container named "web"; `extra` are more lines of that container. */
export function deployment(image: string, extra: readonly string[] = [], podSpecExtra: readonly string[] = []): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: ${image}`,
    ...extra.map((line) => `          ${line}`),
    ...podSpecExtra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

/** Where a pod spec can sit: every built-in shape the rules must see, a custom resource and JSON input. */
export interface Placement {
  /** Short label for test titles, e.g. `CronJob`. */
  name: string;
  yaml: string;
  /** Position of the image value (its opening quote). */
  line: number;
  column: number;
  /** Dotted path of the image value. */
  path: string;
  /** Name of the container holding the image. */
  container: string;
  /** False where the pod's pull secrets come from another object (a Tekton Task's TaskRun...): missing-pull-secret stays silent there. */
  pullSecretsKnown?: false;
}

/**
 * The same image (written double-quoted, so any string is safe) in a Pod, a Deployment, a CronJob,
 * an init container, an ephemeral container, an Argo Rollout (a custom resource holding a
 * PodTemplateSpec), a custom resource whose pod template has only init containers, the sites of the
 * image-site table beyond pod specs (an Argo Workflow template's container, a Tekton step, a KubeVirt
 * containerDisk) and a JSON Pod. `extra` are more lines of that container (YAML placements only;
 * JSON gets them as `"key": value` pairs from `jsonExtra`).
 */
export function placements(image: string, extra: readonly string[] = [], jsonExtra: Record<string, unknown> = {}): Placement[] {
  const quoted = JSON.stringify(image);
  const more = (indent: string): string[] => extra.map((line) => `${indent}${line}`);
  return [
    {
      name: 'Pod',
      yaml: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', `      image: ${quoted}`, ...more('      '), ''].join('\n'),
      line: 8,
      column: 14,
      path: 'spec.containers[0].image',
      container: 'web',
    },
    {
      name: 'Deployment',
      yaml: deployment(quoted, extra),
      line: 10,
      column: 18,
      path: 'spec.template.spec.containers[0].image',
      container: 'web',
    },
    {
      name: 'CronJob',
      yaml: [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: web',
        'spec:',
        '  schedule: "*/5 * * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          restartPolicy: OnFailure',
        '          containers:',
        '            - name: web',
        `              image: ${quoted}`,
        ...more('              '),
        '',
      ].join('\n'),
      line: 14,
      column: 22,
      path: 'spec.jobTemplate.spec.template.spec.containers[0].image',
      container: 'web',
    },
    {
      name: 'initContainers',
      yaml: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  initContainers:',
        '    - name: init',
        `      image: ${quoted}`,
        ...more('      '),
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27.3',
        '',
      ].join('\n'),
      line: 8,
      column: 14,
      path: 'spec.initContainers[0].image',
      container: 'init',
    },
    {
      name: 'ephemeralContainers',
      yaml: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27.3',
        '  ephemeralContainers:',
        '    - name: debugger',
        `      image: ${quoted}`,
        ...more('      '),
        '',
      ].join('\n'),
      line: 11,
      column: 14,
      path: 'spec.ephemeralContainers[0].image',
      container: 'debugger',
    },
    {
      name: 'Argo Rollout',
      yaml: rollout(quoted, extra),
      line: 12,
      column: 18,
      path: 'spec.template.spec.containers[0].image',
      container: 'web',
    },
    {
      name: 'KEDA ScaledJob with only initContainers',
      yaml: [
        'apiVersion: keda.sh/v1alpha1',
        'kind: ScaledJob',
        'metadata:',
        '  name: web',
        'spec:',
        '  jobTargetRef:',
        '    template:',
        '      spec:',
        '        initContainers:',
        '          - name: web',
        `            image: ${quoted}`,
        ...more('            '),
        '',
      ].join('\n'),
      line: 11,
      column: 20,
      path: 'spec.jobTargetRef.template.spec.initContainers[0].image',
      container: 'web',
    },
    {
      name: 'Argo Workflow template container',
      yaml: [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Workflow',
        'metadata:',
        '  name: web',
        'spec:',
        '  entrypoint: web',
        '  templates:',
        '    - name: web',
        '      container:',
        `        image: ${quoted}`,
        ...more('        '),
        '',
      ].join('\n'),
      line: 10,
      column: 16,
      path: 'spec.templates[0].container.image',
      container: 'web',
    },
    {
      name: 'Tekton Task step',
      yaml: ['apiVersion: tekton.dev/v1', 'kind: Task', 'metadata:', '  name: web', 'spec:', '  steps:', '    - name: web', `      image: ${quoted}`, ...more('      '), ''].join('\n'),
      line: 8,
      column: 14,
      path: 'spec.steps[0].image',
      container: 'web',
      pullSecretsKnown: false,
    },
    {
      name: 'KubeVirt containerDisk',
      yaml: [
        'apiVersion: kubevirt.io/v1',
        'kind: VirtualMachineInstance',
        'metadata:',
        '  name: web',
        'spec:',
        '  domain:',
        '    devices: {}',
        '  volumes:',
        '    - name: web',
        '      containerDisk:',
        `        image: ${quoted}`,
        ...more('        '),
        '',
      ].join('\n'),
      line: 11,
      column: 16,
      path: 'spec.volumes[0].containerDisk.image',
      container: 'web',
      pullSecretsKnown: false,
    },
    {
      name: 'JSON Pod',
      yaml: [
        '{',
        '  "apiVersion": "v1",',
        '  "kind": "Pod",',
        '  "metadata": { "name": "web" },',
        '  "spec": {',
        '    "containers": [',
        `      { "name": "web", "image": ${[quoted, ...Object.entries(jsonExtra).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)].join(', ')} }`,
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
      line: 7,
      column: 33,
      path: 'spec.containers[0].image',
      container: 'web',
    },
  ];
}

/** An Argo Rollout (a custom resource holding a PodTemplateSpec): the image value is at line 12, column 18. */
export function rollout(image: string, extra: readonly string[] = []): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata:',
    '  name: web',
    'spec:',
    '  strategy:',
    '    canary: {}',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: ${image}`,
    ...extra.map((line) => `          ${line}`),
    '',
  ].join('\n');
}

/** `pod()` with annotations on the Pod (`key: value` lines). */
export function annotatedPod(image: string, annotations: Record<string, string>, extra: readonly string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    '  annotations:',
    ...Object.entries(annotations).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`),
    'spec:',
    '  containers:',
    '    - name: web',
    `      image: ${image}`,
    ...extra.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

type PlacementOptions = {
  target?: string;
  extra?: readonly string[];
  jsonExtra?: Record<string, unknown>;
  ruleSettings?: RuleTestCase['ruleSettings'];
  /** Only placements whose pods' pull secrets the manifest states (missing-pull-secret). */
  onlyWherePullSecretsKnown?: boolean;
};

/** One invalid case per placement of `image`, each expecting `expected` at the image value. */
export function invalidAtEveryPlacement(
  image: string,
  expected: Omit<ExpectedFinding, 'line' | 'column' | 'path' | 'container'>,
  options: PlacementOptions = {},
): InvalidRuleTestCase[] {
  const all = placements(image, options.extra, options.jsonExtra);
  return (options.onlyWherePullSecretsKnown === true ? all.filter((p) => p.pullSecretsKnown !== false) : all).map((p) => ({
    name: `${options.target ?? 'remote'}: ${image} in ${p.name}`,
    yaml: p.yaml,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.ruleSettings === undefined ? {} : { ruleSettings: options.ruleSettings }),
    errors: [{ ...expected, line: p.line, column: p.column, path: p.path, container: p.container, image }],
  }));
}

/** One valid case per placement of `image`. */
export function validAtEveryPlacement(image: string, options: PlacementOptions = {}): RuleTestCase[] {
  return placements(image, options.extra, options.jsonExtra).map((p) => ({
    name: `${options.target ?? 'remote'}: ${image} in ${p.name}`,
    yaml: p.yaml,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.ruleSettings === undefined ? {} : { ruleSettings: options.ruleSettings }),
  }));
}
