// Inputs for the fuzz tests of the manifest readers and the CLI: real-looking manifests, randomly
// built YAML and JSON, and mutations of both that hit what hostile or broken input does (truncation,
// byte flips, deep nesting, anchors and aliases, huge scalars, tabs, BOMs, invalid UTF-8, document
// markers, flow collections, JSON). Each input records how it was made, for the failure message.
import type { Random } from './random.js';

export interface FuzzInput {
  bytes: Buffer;
  /** How it was made: the seed manifest and the mutations applied, in order. */
  recipe: string[];
}

const SEEDS: readonly string[] = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapi
  namespace: shop
  annotations:
    pullguard.dev/ignore: latest-tag
spec:
  replicas: 2
  selector:
    matchLabels: { app: webapi }
  template:
    metadata:
      labels: { app: webapi }
    spec:
      imagePullSecrets:
        - name: regcred
      initContainers:
        - name: migrate
          image: ghcr.io/acme/migrate:1.2.0
      containers:
        - name: webapi
          image: webapi:latest
          imagePullPolicy: Never
          env:
            - name: TAG
              value: $(IMAGE_TAG)
`,
  `apiVersion: v1
kind: Pod
metadata:
  name: "web"
spec:
  containers:
    - name: web
      image: 'localhost:5000/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
    - name: side
      image: "\${REGISTRY}/side:{{ .Values.tag }}"
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - {name: job, image: "k8s.gcr.io/busybox"}
`,
  `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: Pod
        metadata: {name: inner}
        spec:
          containers: [{name: a, image: "REGISTRY_URL/app:\${{ github.sha }}"}]
  - apiVersion: v1
    kind: Secret
    metadata: {name: regcred}
    type: kubernetes.io/dockerconfigjson
    data:
      .dockerconfigjson: eyJhdXRocyI6e319
`,
  `{"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
 "spec": {"template": {"metadata": {"annotations": {"pullguard.dev/target": "aks"}},
  "spec": {"containers": [{"name": "agent", "image": "acme.azurecr.io/agent:$(Build.BuildId)"}]}}}}
`,
  `# a values file, not a manifest
replicaCount: 2
image:
  repository: nginx
  tag: "1.27"
`,
  `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
imagePullSecrets:
  - name: regcred
---
...
---
apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
    - name: c
      image: >-
        nginx:1.27
      args:
        - |
          multi
          line
`,
];

const SCALARS: readonly string[] = [
  'nginx', 'nginx:1.27', 'ghcr.io/acme/app:1.0', 'localhost:5000/app', 'App:1.0', '', '~', 'null', 'yes', 'no', 'on',
  '0x1F', '1e3', '.inf', '-.nan', '0o17', '2026-12-06', '12:30:00', '"quoted"', "'single'", '"esc\\u00e9\\x41"',
  '${VAR}', '{{ x }}', '#{T}#', '__T__', '@v@', '%V%', '((v))', 'ko://github.com/a/b', '<your-registry>/app',
  'a: b', '- x', '? k', '&anchor v', '*alias', '!!str 1', '!custom v', '|', '>-', '[a, b]', '{a: b}', '@x', '`x',
];

const KEYS: readonly string[] = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'spec', 'template', 'containers', 'initContainers',
  'ephemeralContainers', 'image', 'imagePullPolicy', 'imagePullSecrets', 'items', 'annotations', 'labels',
  'serviceAccountName', 'jobTemplate', 'pullguard.dev/ignore', '<<', '"quoted key"', '? complex', 'x',
];

const KINDS: readonly string[] = ['Pod', 'Deployment', 'List', 'PodList', 'CronJob', 'Job', 'Secret', 'ServiceAccount', 'Workflow', 'Task', 'ConfigMap', ''];

/** One input: a seed or random manifest, then up to four mutations. */
export function fuzzInput(random: Random): FuzzInput {
  let text: string;
  const recipe: string[] = [];
  if (random.chance(0.5)) {
    const index = random.below(SEEDS.length);
    text = SEEDS[index] as string;
    recipe.push(`seed ${index}`);
  } else if (random.chance(0.2)) {
    text = JSON.stringify(randomObject(random, 0), null, random.chance(0.5) ? 2 : undefined);
    recipe.push('random JSON');
  } else {
    text = randomYaml(random);
    recipe.push('random YAML');
  }
  let bytes: Buffer = Buffer.from(text, 'utf8');
  const mutations = random.below(5);
  for (let i = 0; i < mutations; i++) {
    const mutation = random.pick(random.chance(0.15) ? HEAVY : LIGHT);
    bytes = mutation.apply(bytes, random);
    recipe.push(mutation.name);
  }
  return { bytes, recipe };
}

function randomObject(random: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (depth === 0) {
    object['apiVersion'] = random.pick(['v1', 'apps/v1', 'batch/v1', 'argoproj.io/v1alpha1', 'tekton.dev/v1', '']);
    object['kind'] = random.pick(KINDS);
  }
  const entries = random.below(6);
  for (let i = 0; i < entries; i++) object[random.pick(KEYS)] = randomValue(random, depth + 1);
  return object;
}

function randomValue(random: Random, depth: number): unknown {
  const roll = depth > 6 ? random.below(3) : random.below(6);
  switch (roll) {
    case 0:
      return random.pick(SCALARS);
    case 1:
      return random.pick([0, -1, 1.5, 1e21, true, false, null, 2 ** 53 + 1]);
    case 2:
      return random.pick(SCALARS) + random.pick(SCALARS);
    case 3:
      return Array.from({ length: random.below(4) }, () => randomValue(random, depth + 1));
    default:
      return randomObject(random, depth);
  }
}

/** Block YAML with the features the readers branch on, written by hand so it can also be wrong. */
function randomYaml(random: Random): string {
  const lines: string[] = [`apiVersion: ${random.pick(['v1', 'apps/v1', 'batch/v1'])}`, `kind: ${random.pick(KINDS)}`];
  const emit = (indent: number, depth: number): void => {
    const count = random.between(1, 4);
    for (let i = 0; i < count; i++) {
      const pad = ' '.repeat(indent);
      const key = random.pick(KEYS);
      const roll = depth > 5 ? 0 : random.below(7);
      if (roll === 0) lines.push(`${pad}${key}: ${random.pick(SCALARS)}`);
      else if (roll === 1) {
        lines.push(`${pad}${key}:`);
        emit(indent + random.pick([1, 2, 4]), depth + 1);
      } else if (roll === 2) {
        lines.push(`${pad}${key}:`);
        for (let j = random.below(3); j >= 0; j--) lines.push(`${pad}  - ${random.pick(KEYS)}: ${random.pick(SCALARS)}`);
      } else if (roll === 3) lines.push(`${pad}${key}: &a${random.below(3)} {${random.pick(KEYS)}: ${random.pick(SCALARS)}}`);
      else if (roll === 4) lines.push(`${pad}${key}: *a${random.below(3)}`);
      else if (roll === 5) lines.push(`${pad}${key}: |${random.pick(['', '-', '+', '2'])}`, `${pad}  ${random.pick(SCALARS)}`, `${pad}  ${random.pick(SCALARS)}`);
      else lines.push(`${pad}${key}: [${random.pick(SCALARS)}, {${random.pick(KEYS)}: [${random.pick(SCALARS)}]}]`);
    }
  };
  emit(0, 0);
  return lines.join('\n') + '\n';
}

interface Mutation {
  name: string;
  /** Makes a large input: drawn less often, so that a run's time goes to many cases. */
  heavy?: boolean;
  apply(bytes: Buffer, random: Random): Buffer;
}

function insertAt(bytes: Buffer, at: number, inserted: Buffer | string): Buffer {
  const piece = typeof inserted === 'string' ? Buffer.from(inserted, 'utf8') : inserted;
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

/** The offset of the start of a random line. */
function lineStart(bytes: Buffer, random: Random): number {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  return random.pick(starts);
}

const MUTATIONS: readonly Mutation[] = [
  { name: 'truncate', apply: (b, r) => b.subarray(0, r.below(b.length + 1)) },
  {
    name: 'flip bytes',
    apply(b, r) {
      const copy = Buffer.from(b);
      for (let i = r.between(1, 8); i > 0 && copy.length > 0; i--) copy[r.below(copy.length)] = r.below(256);
      return copy;
    },
  },
  {
    name: 'flip to YAML syntax characters',
    apply(b, r) {
      const copy = Buffer.from(b);
      for (let i = r.between(1, 6); i > 0 && copy.length > 0; i--) copy[r.below(copy.length)] = r.pick([...Buffer.from(':-?[]{},&*!|>\'"%@`#\t\n ')]);
      return copy;
    },
  },
  { heavy: true, name: 'deep flow nesting', apply: (b, r) => { const n = r.pick([50, 499, 501, 5000, 100_000]); return insertAt(b, b.length, `deep: ${'['.repeat(n)}${r.chance(0.7) ? ']'.repeat(n) : ''}\n`); } },
  {
    heavy: true,
    name: 'deep block nesting',
    apply(b, r) {
      let text = 'deep:\n';
      const n = r.pick([100, 501, 1000]);
      for (let i = 1; i <= n; i++) text += `${' '.repeat(i)}k${i % 10}:\n`;
      return insertAt(b, b.length, text);
    },
  },
  { heavy: true, name: 'deep JSON nesting', apply: (b, r) => { const n = r.pick([400, 501, 50_000]); return Buffer.from(`{"apiVersion":"v1","kind":"Pod","x":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`); } },
  {
    name: 'anchors and aliases',
    apply(b, r) {
      const kind = r.below(4);
      if (kind === 0) return insertAt(b, b.length, 'base: &b {image: nginx}\nspec:\n  <<: *b\n  containers: [*b, *b]\n');
      if (kind === 1) return insertAt(b, b.length, 'x: *undefined_anchor\n');
      if (kind === 2) {
        const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
        for (let i = 1; i < r.between(3, 9); i++) levels.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
        return insertAt(b, b.length, levels.join('\n') + '\n');
      }
      return insertAt(b, b.length, 'self: &s\n  again: *s\n');
    },
  },
  { heavy: true, name: 'huge scalar', apply: (b, r) => insertAt(b, b.length, `huge: ${r.chance(0.5) ? '"' : ''}${'x'.repeat(r.pick([10_000, 300_000, 2_000_000]))}\n`) },
  { heavy: true, name: 'many keys', apply: (b, r) => insertAt(b, b.length, Array.from({ length: r.pick([300, 3000, 20_000]) }, (_, i) => `k${i}: v`).join('\n') + '\n') },
  { heavy: true, name: 'long image', apply: (b, r) => insertAt(b, b.length, `spec:\n  containers:\n    - name: c\n      image: ${r.pick(['{{', '${', 'a/', '#{', '$(', '@'])}${'a'.repeat(r.pick([300, 5000, 100_000]))}\n`) },
  { name: 'tabs', apply: (b, r) => insertAt(b, lineStart(b, r), r.chance(0.5) ? '\t' : ' \t ') },
  { name: 'UTF-8 BOM', apply: (b, r) => insertAt(b, r.chance(0.7) ? 0 : lineStart(b, r), Buffer.from([0xef, 0xbb, 0xbf])) },
  { name: 'UTF-16 BOM', apply: (b, r) => insertAt(b, 0, Buffer.from(r.chance(0.5) ? [0xff, 0xfe] : [0xfe, 0xff])) },
  { name: 'as UTF-16', apply: (b) => Buffer.from(b.toString('utf8'), 'utf16le') },
  { name: 'invalid UTF-8', apply: (b, r) => insertAt(b, r.below(b.length + 1), Buffer.from(r.pick([[0xc0, 0xaf], [0xff], [0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]))) },
  { name: 'NUL byte', apply: (b, r) => insertAt(b, r.below(b.length + 1), Buffer.from([0])) },
  { name: 'document markers', apply: (b, r) => insertAt(b, lineStart(b, r), r.pick(['---\n', '...\n', '--- \n', '--- !!map\n', '---\n---\n', '--- |\n  text\n', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n---\n'])) },
  {
    name: 'flow collection',
    apply(b, r) {
      const flows = ['{apiVersion: v1, kind: Pod, spec: {containers: [{name: a, image: nginx}]}}', '[a, {b: c}, [d]]', '{a: [b, {c: d}], }', '{ ? [a] : b }', '[a, b', '{a: b'];
      return r.chance(0.5) ? Buffer.from(r.pick(flows) + '\n') : insertAt(b, b.length, `flow: ${r.pick(flows)}\n`);
    },
  },
  {
    name: 'JSON',
    apply(b, r) {
      const jsons = ['{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"x:1"}]}}', '{"a":1,}', '{"a":"\\ud800"}', '[1,2', '{"a":1}{"b":2}', '{"kind":"List","apiVersion":"v1","items":[{"kind":"Pod","apiVersion":"v1"}]}', '"just a string"', '{"a": 1e400}', '{"__proto__": {"x": 1}, "apiVersion": "v1", "kind": "Pod"}'];
      return r.chance(0.6) ? Buffer.from(r.pick(jsons)) : insertAt(b, b.length, r.pick(jsons) + '\n');
    },
  },
  { name: 'CRLF line ends', apply: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1') },
  { name: 'lone CR line ends', apply: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r'), 'latin1') },
  { name: 'duplicate document', apply: (b) => Buffer.concat([b, Buffer.from('\n---\n'), b]) },
  { name: 'duplicate key', apply: (b) => insertAt(b, b.length, 'kind: Pod\nkind: Pod\n') },
  { name: 'collection as key', apply: (b, r) => insertAt(b, b.length, r.pick(['? [a, b]\n: c\n', '{a: b}: c\n', '[x]: y\n', '? |\n  block key\n: v\n'])) },
  { name: 'tags', apply: (b, r) => insertAt(b, b.length, `tagged: ${r.pick(['!!binary aGVsbG8=', '!!timestamp 2001-12-14', '!!set {a, b}', '!!omap [a: 1]', '!custom x', '!<tag:yaml.org,2002:str> s', '!!int "x"'])}\n`) },
  { name: 'unicode', apply: (b, r) => insertAt(b, r.below(b.length + 1), r.pick(['é', '\u2028', '\u0085', '\ufeff', '😀', '\u202e', '\u00a0', '\u0000'.slice(1)])) },
  { name: 'control characters', apply: (b, r) => insertAt(b, r.below(b.length + 1), Buffer.from([r.pick([0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x7f])])) },
  { name: 'indentation shift', apply: (b, r) => { const at = lineStart(b, r); return insertAt(b, at, ' '.repeat(r.between(1, 3))); } },
  { name: 'swap halves', apply: (b, r) => { const at = r.below(b.length + 1); return Buffer.concat([b.subarray(at), b.subarray(0, at)]); } },
  { name: 'empty', apply: (_b, r) => Buffer.from(r.pick(['', '\n', '   \n', '# only a comment\n', '---\n', '...\n', '\ufeff'])) },
];

const HEAVY = MUTATIONS.filter((m) => m.heavy === true);
const LIGHT = MUTATIONS.filter((m) => m.heavy !== true);

/** The mutation names, for a coverage check in the test. */
export const MUTATION_NAMES: readonly string[] = MUTATIONS.map((m) => m.name);
