// Generates a stream of workload documents of mixed kinds for the throughput benchmark: each
// document is about 45 lines, with an init container, probes, env, resources and volumes, like
// the Deployments in the corpus. Deterministic: the same count gives the same bytes.

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];
const IMAGES = [
  'nginx:1.27',
  'ghcr.io/acme/api:v2.3.1',
  'registry.k8s.io/pause:3.9',
  'myregistry.azurecr.io/shop/cart@sha256:4a8b2f0e6c1d3b5a7980f1e2d3c4b5a6978f0e1d2c3b4a5968f7e6d5c4b3a291',
  'redis:latest',
  '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.1',
];

function podSpec(i, indent) {
  const p = ' '.repeat(indent);
  const image = IMAGES[i % IMAGES.length];
  const init = IMAGES[(i + 3) % IMAGES.length];
  return [
    `${p}initContainers:`,
    `${p}- name: init-${i}`,
    `${p}  image: ${init}`,
    `${p}  command: ["sh", "-c", "echo init ${i}"]`,
    `${p}containers:`,
    `${p}- name: app`,
    `${p}  image: ${image}`,
    `${p}  imagePullPolicy: ${i % 3 === 0 ? 'Always' : 'IfNotPresent'}`,
    `${p}  ports:`,
    `${p}  - containerPort: 8080`,
    `${p}    name: http`,
    `${p}  env:`,
    `${p}  - name: LOG_LEVEL`,
    `${p}    value: "info"`,
    `${p}  resources:`,
    `${p}    limits: {cpu: 500m, memory: 256Mi}`,
    `${p}  readinessProbe:`,
    `${p}    httpGet: {path: /healthz, port: http}`,
    `${p}  volumeMounts:`,
    `${p}  - name: data`,
    `${p}    mountPath: /data`,
    `${p}volumes:`,
    `${p}- name: data`,
    `${p}  emptyDir: {}`,
  ];
}

function workload(i) {
  const kind = KINDS[i % KINDS.length];
  const name = `app-${i}`;
  const head = [
    `apiVersion: ${apiVersionOf(kind)}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    '    app.kubernetes.io/part-of: shop',
  ];
  const template = (indent) => {
    const p = ' '.repeat(indent);
    return [`${p}template:`, `${p}  metadata:`, `${p}    labels:`, `${p}      app: ${name}`, `${p}  spec:`, ...podSpec(i, indent + 4)];
  };
  if (kind === 'Pod') return [...head, 'spec:', '  restartPolicy: Always', ...podSpec(i, 2)];
  if (kind === 'CronJob') {
    return [...head, 'spec:', '  schedule: "*/5 * * * *"', '  jobTemplate:', '    spec:', ...template(6)];
  }
  if (kind === 'Job') return [...head, 'spec:', '  backoffLimit: 2', ...template(2)];
  return [
    ...head,
    'spec:',
    ...(kind === 'DaemonSet' ? [] : ['  replicas: 2']),
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    ...template(2),
  ];
}

/** `count` documents as one YAML stream. */
export function workloadStream(count) {
  return workloadDocuments(count)
    .map((d) => d.text)
    .join('');
}

/** The same documents one by one, with what a correct reader finds in each (for output checks). */
export function workloadDocuments(count) {
  const documents = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    documents.push({
      text: `---\n${workload(i).join('\n')}\n`,
      kind,
      apiVersion: apiVersionOf(kind),
      images: [IMAGES[(i + 3) % IMAGES.length], IMAGES[i % IMAGES.length]],
    });
  }
  return documents;
}

function apiVersionOf(kind) {
  return kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
}
