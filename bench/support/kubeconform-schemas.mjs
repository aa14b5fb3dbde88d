// kubeconform fetches its JSON schemas from the network, which this machine cannot reach. The same
// schemas come from the OpenAPI document of Kubernetes itself: the k8s.io/kubernetes Go module that
// the control-plane test dependencies already download (scripts/control-plane/versions.env) ships
// api/openapi-spec/swagger.json. One file per kind the corpus uses, named the way kubeconform's
// -schema-location template asks for it ({{ .ResourceKind }}{{ .KindSuffix }}.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchBinDir } from './go-tool.mjs';

export const SCHEMA_TEMPLATE_FILE = '{{ .ResourceKind }}{{ .KindSuffix }}.json';

function kubernetesVersion(root) {
  const env = readFileSync(join(root, 'scripts/control-plane/versions.env'), 'utf8');
  const match = /^KUBERNETES_VERSION=(\S+)$/m.exec(env);
  if (match === null) throw new Error('bench: no KUBERNETES_VERSION in scripts/control-plane/versions.env');
  return match[1];
}

/**
 * Writes schemas for `gvks` (`[{ apiVersion, kind }]`) into a cache directory and returns
 * `{ dir, version }`, or `{ unavailable: reason }`.
 */
export function kubeconformSchemas(root, gvks) {
  const version = kubernetesVersion(root);
  const dir = join(benchBinDir(), `kubeconform-schemas-${version}`);
  const wanted = gvks.map((gvk) => ({ ...gvk, file: join(dir, fileName(gvk)) }));
  if (wanted.every((w) => existsSync(w.file))) return { dir, version };

  const download = spawnSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], {
    encoding: 'utf8',
    env: { ...process.env, GOWORK: 'off' },
    timeout: 10 * 60 * 1000,
  });
  if (download.status !== 0) return { unavailable: `go mod download k8s.io/kubernetes@${version} failed` };
  const swaggerPath = join(JSON.parse(download.stdout).Dir, 'api/openapi-spec/swagger.json');
  if (!existsSync(swaggerPath)) return { unavailable: `no api/openapi-spec/swagger.json in k8s.io/kubernetes@${version}` };
  const definitions = intOrStringAsEither(JSON.parse(readFileSync(swaggerPath, 'utf8')).definitions);

  mkdirSync(dir, { recursive: true });
  for (const w of wanted) {
    const name = definitionName(definitions, w);
    if (name === undefined) return { unavailable: `no definition for ${w.apiVersion} ${w.kind} in swagger.json` };
    // The definition's own $refs point into #/definitions, so the whole set travels with it.
    writeFileSync(w.file, JSON.stringify({ $ref: `#/definitions/${name}`, definitions }));
  }
  return { dir, version };
}

function fileName({ apiVersion, kind }) {
  // kubeconform: kind lower-cased, then "-" + the group's first label, then "-" + the version.
  const [groupOrVersion, version] = apiVersion.split('/');
  const suffix = version === undefined ? `-${groupOrVersion}` : `-${groupOrVersion.split('.')[0]}-${version}`;
  return `${kind.toLowerCase()}${suffix.toLowerCase()}.json`;
}

function definitionName(definitions, { apiVersion, kind }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return Object.keys(definitions).find((name) =>
    (definitions[name]['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.version === version && g.kind === kind),
  );
}

// Swagger 2 says `type: string, format: int-or-string`; the API server takes numbers too (ports),
// and so do the schemas kubeconform normally downloads.
function intOrStringAsEither(definitions) {
  const fix = (node) => {
    if (Array.isArray(node)) return node.map(fix);
    if (node === null || typeof node !== 'object') return node;
    if (node.format === 'int-or-string') return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fix(v)]));
  };
  return fix(definitions);
}
