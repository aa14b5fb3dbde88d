// The real-world corpus (shared/corpus/realworld, see its SOURCES.md): manifests copied byte for byte
// from 20 public repositories. Three promises are held against it:
//   1. every file reads without a yaml-syntax problem, except the one that kubectl rejects too;
//   2. the fast readers (line reader, js-yaml events, JSON.parse) agree with the exact reader;
//   3. the findings of every rule, for `--target remote` and `--target kind`, stay what was reviewed
//      by hand (counts pinned below, plus exact spot checks), so that any change is noticed.
//
// Hand review of every finding (2026-12-06), one lint run per repository folder, as a user would run
// `pullguard lint <folder>`:
// - local-only-image: bare names Docker Hub's library/ does not hold (microservices-demo
//   `adservice`, Skaffold `skaffold-example`, aks-store azd `ai-service:2.1.0`, Ouroboros
//   `monadic-pipeline-webapi:latest`, istio's fixture `image`, oc's `library/ruby-hello-world`). Applied
//   as written these fail with ErrImagePull; the build tools that rewrite them are named in the
//   remediation. On kind: error where the pull policy is Always (no tag or :latest), info with the
//   `kind load` command where it is IfNotPresent, nothing where it is Never (never-pull-on-remote's).
// - never-pull-on-remote: the incident's own manifests (Ouroboros deployment.yaml, webapi-deployment.yaml).
// - invalid-image-reference: Ouroboros `REGISTRY_URL/...`, Knative `docker.io/{username}/...`,
//   `{DOCKER_HUB_USERNAME}` and `<image>`: all 19 are refused by the kubelet (InvalidImageName), the
//   most specific finding (issue 9); each message names the placeholder.
// - unresolved-variable: spring-petclinic `${REPOSITORY_PREFIX}`.
// - build-tool-image (remote only, info): Knative ko import paths (`ko://github.com/...`, bare
//   `github.com/...`), ko builds that ko pushes to $KO_DOCKER_REPO; nothing on kind.
// - missing-pull-secret: amazon-vpc-cni ECR images (warning: ECR always needs a token; the remediation
//   names `--target eks`), istio's `fake.docker.io` fixtures (warning: hello-image-pull-secret.yaml
//   pulls from the same host with a secret). oc's internal registry `172.30.17.139:5000` is no longer
//   reported: a registry lint cannot judge is `check`'s (issue 9).
// - The corpus holds the manifests of the Skaffold and aks-store kustomize examples, not their
//   skaffold.yaml or kustomization.yaml (SOURCES.md), so their bare names stay local-only-image
//   errors here; with the build files beside them they are build-tool-image findings
//   (test/cli/build-tools.test.ts).
// - latest-tag / missing-tag: every one is a moving tag as written; the message says what the
//   pull policy (written or defaulted) does with it.
// - deprecated-registry: only infos, for gcr.io paths (Container Registry was shut down; Google's
//   own repositories still answer through Artifact Registry, hence info, not warning).
// No false positive was found. Images the rules rightly skip: Argo `{{args.*}}` in AnalysisTemplates,
// OpenShift ImageChange triggers, rbd.yaml's `image: foo` (an RBD volume, not a container).
//
// Image sites (docs/image-sites.md), reviewed 2026-12-06: 491 found by the table and the pod-spec
// walk (the corpus holds none of the table's newer kinds: Argo Workflows, Tekton, KubeVirt...), and 7
// image fields of unlisted custom resources only by the fallback: Jaeger `spec.allInOne.image` (3)
// and `spec.storage.grpcPlugin.image`, prometheus-operator Prometheus, Alertmanager and ThanosRuler
// `spec.image`. Each is an image those operators do run, pinned to a version on a public registry:
// no finding, rightly. DeploymentConfig is in the table, so `imageChangeParams.lastTriggeredImage`
// (set by OpenShift) is not taken for one.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProblemToFinding, runRules } from '../../../src/core/run-rules.js';
import type { Finding } from '../../../src/core/types.js';
import type { LoadProblem, ManifestObject } from '../../../src/manifests/model.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { findImageSites } from '../../../src/k8s/find-image-sites.js';
import { readManifestText, type ReaderStats } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { RULES } from '../../../src/rules/index.js';

const CORPUS_RELATIVE = join('..', 'shared', 'corpus', 'realworld');

/** `../shared/corpus/realworld` from the repository root, found above this file or the working directory. */
function findCorpus(): string | undefined {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pullguard') {
        const corpus = resolve(dir, CORPUS_RELATIVE);
        if (existsSync(corpus)) return corpus;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files;
}

/** Corpus-relative path with forward slashes, as findings show it. */
function rel(corpus: string, file: string): string {
  return relative(corpus, file).split(sep).join('/');
}

const MANIFEST = /\.(ya?ml|json)$/;

/**
 * The files kubectl cannot read either, with the exact problem each one gets (the differential test,
 * test/unit/manifests/kubectl-decoder-agreement.test.ts, holds this to kubectl's decoder). A flow
 * mapping as a key: valid YAML, but not convertible to JSON. Duplicate keys are no problem: kubectl
 * keeps the last (openshift-controller.yaml's second `selector`, spring-petclinic's second `resources`).
 */
const EXPECTED_PROBLEMS: Record<string, Omit<LoadProblem, 'file'>[]> = {
  'argoproj__argo-rollouts/examples/traffic-management/rollout-linkerd.yaml': [
    // `linkerd.io/inject: {{args.linkerd-enabled}}`: the unquoted Argo argument reads as a mapping key.
    { documentIndex: 4, line: 101, column: 39, code: 'yaml-syntax', message: 'a mapping key is a collection (kubectl cannot convert it to JSON)' },
  ],
};

/** Findings per `ruleId severity`, summed over one run per repository folder. Reviewed by hand: see the top. */
const EXPECTED_COUNTS: Record<'remote' | 'kind', Record<string, number>> = {
  remote: {
    'build-tool-image info': 5,
    'deprecated-registry info': 25,
    'invalid-image-reference error': 19,
    'latest-tag warning': 39,
    'local-only-image error': 38,
    'missing-pull-secret warning': 29,
    'missing-tag warning': 79,
    'never-pull-on-remote error': 2,
    'unresolved-variable error': 4,
    'unknown-pull-secret info': 1,
    'unknown-service-account info': 13,
    'yaml-syntax error': 1,
  },
  kind: {
    'deprecated-registry info': 25,
    'invalid-image-reference error': 19,
    'latest-tag warning': 39,
    'local-only-image error': 29,
    'local-only-image info': 7,
    'missing-pull-secret warning': 29,
    'missing-tag warning': 79,
    'never-pull-on-remote info': 2,
    'unresolved-variable error': 4,
    'unknown-pull-secret info': 1,
    'unknown-service-account info': 13,
    'yaml-syntax error': 1,
  },
};

/** Exact findings that stand for each reviewed class: `file:line:column severity ruleId` and the start of the message. */
const SPOT_CHECKS: Record<'remote' | 'kind', [where: string, messageStart: string][]> = {
  remote: [
    ['PMeeske__Ouroboros/k8s/webapi-deployment.yaml:33:16 error local-only-image', '"monadic-pipeline-webapi:latest" resolves to docker.io/library/monadic-pipeline-webapi:latest, which is not a Docker Hub official image'],
    ['PMeeske__Ouroboros/k8s/webapi-deployment.yaml:39:26 error never-pull-on-remote', 'imagePullPolicy: Never makes the kubelet use only an image already on the node'],
    ['PMeeske__Ouroboros/k8s/webapi-deployment.cloud.yaml:55:18 error invalid-image-reference', '"REGISTRY_URL/monadic-pipeline-webapi:latest" still contains the placeholder "REGISTRY_URL" (a documentation placeholder) and is not a valid image reference: repository name "REGISTRY_URL/monadic-pipeline-webapi:latest" contains the uppercase letter "R" at offset 0; repository names must be lowercase (the first component is not a valid registry host either, so it is read as part of the name); the kubelet rejects it and the pod fails with InvalidImageName'],
    ['knative__docs/code-samples/serving/secrets-go/service.yaml:10:16 info build-tool-image', '"github.com/knative/docs/code-samples/serving/secrets-go" is built by ko (the Go package github.com/knative/docs/code-samples/serving/secrets-go); for a remote cluster ko pushes it to $KO_DOCKER_REPO'],
    ['spring-petclinic__spring-petclinic-cloud/k8s/api-gateway-deployment.yaml:21:16 error unresolved-variable', '"${REPOSITORY_PREFIX}/spring-petclinic-cloud-api-gateway:latest" contains ${REPOSITORY_PREFIX}'],
    ['aws__amazon-vpc-cni-k8s/config/master/aws-k8s-cni.yaml:213:18 warning missing-pull-secret', '"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1" comes from 602401143452.dkr.ecr.us-west-2.amazonaws.com, one of Amazon ECR private registries'],
    ['istio__istio/pkg/kube/inject/testdata/inject/pod.yaml:8:14 warning missing-pull-secret', '"fake.docker.io/google-samples/hello-go-gke:1.0" comes from fake.docker.io, which other workloads here pull with imagePullSecrets (fooSecret in Deployment/hello)'],
    ['kubernetes__examples/_archived/meteor/mongo-pod.json:24:18 warning latest-tag', '"mongo:latest" uses the tag :latest: the default pull policy for :latest is Always'],
    ['kubernetes__examples/web/guestbook/frontend-deployment.yaml:19:16 info deprecated-registry', '"gcr.io/google-samples/gb-frontend:v5" comes from gcr.io, which is Container Registry'],
  ],
  kind: [
    ['PMeeske__Ouroboros/k8s/webapi-deployment.yaml:39:26 info never-pull-on-remote', 'imagePullPolicy: Never on kind: load the image onto the nodes before every deploy (`kind load docker-image monadic-pipeline-webapi:latest`)'],
    ['Azure-Samples__aks-store-demo/kustomize/overlays/azd/store-front/deployment.yaml:19:18 info local-only-image', '"store-front:2.2.0" resolves to docker.io/library/store-front:2.2.0'],
    ['GoogleCloudPlatform__microservices-demo/kubernetes-manifests/adservice.yaml:46:16 error local-only-image', '"adservice" resolves to docker.io/library/adservice:latest'],
  ],
};

/** Everything a reader decides about a file, to compare two readers. */
function readView(objects: readonly ManifestObject[]): unknown[] {
  return objects.map((o) => ({
    documentIndex: o.documentIndex,
    itemPath: o.itemPath,
    ref: o.ref,
    value: o.value,
    // Positions the findings use: every image site and its image (value and key).
    positions: imageSitesOf(o).map((c) => [o.positionOf(c.path), o.positionOf([...c.path, c.imageKey ?? 'image']), o.keyPositionOf([...c.path, c.imageKey ?? 'image'])]),
  }));
}

function imageSitesOf(o: ManifestObject) {
  const sites = findImageSites(o.value, o.ref);
  return [...sites.groups.flatMap((g) => g.containers), ...(sites.fallback?.containers ?? [])];
}

function lintRepository(corpus: string, repository: string, target: 'remote' | 'kind'): Finding[] {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  for (const file of listFiles(join(corpus, repository)).filter((f) => MANIFEST.test(f))) {
    const parsed = readManifestText(readFileSync(file, 'utf8'), rel(corpus, file), FULL_YAML_READERS);
    objects.push(...parsed.objects);
    for (const problem of parsed.problems) findings.push(loadProblemToFinding(problem)!);
  }
  const profile = getTargetProfile(target);
  assert.ok(profile !== undefined);
  const result = runRules(objects, RULES, { target: profile });
  assert.equal(result.ignored, 0, 'no corpus file carries a pullguard.dev/ignore annotation');
  return [...findings, ...result.findings];
}

const corpus = findCorpus();

describe('real-world corpus', () => {
  if (corpus === undefined) {
    it('is read from ../shared/corpus/realworld next to the repository', { skip: `corpus not found: expected ${CORPUS_RELATIVE} relative to the repository root` }, () => {});
    return;
  }
  const files = listFiles(corpus);
  const manifests = files.filter((f) => MANIFEST.test(f));
  const repositories = readdirSync(corpus).filter((e) => statSync(join(corpus, e)).isDirectory()).sort();

  it('holds the manifests of 20 repositories and SOURCES.md, nothing else', () => {
    assert.deepEqual(files.filter((f) => !MANIFEST.test(f)).map((f) => rel(corpus, f)), ['SOURCES.md']);
    assert.equal(repositories.length, 20);
    assert.equal(manifests.length, 348);
  });

  it('has the reviewed image sites: 491 by the table and the pod-spec walk, 7 only by the fallback', () => {
    let listed = 0;
    const fallback: string[] = [];
    for (const file of manifests) {
      for (const o of readManifestText(readFileSync(file, 'utf8'), rel(corpus, file), FULL_YAML_READERS).objects) {
        const sites = findImageSites(o.value, o.ref);
        listed += sites.groups.reduce((n, g) => n + g.containers.length, 0);
        for (const c of sites.fallback?.containers ?? []) fallback.push(`${o.ref.kind} ${[...c.path, c.imageKey ?? 'image'].join('.')} ${c.image}`);
      }
    }
    assert.equal(listed, 491);
    assert.deepEqual(fallback.sort(), [
      'Alertmanager spec.image quay.io/prometheus/alertmanager:v0.33.1',
      'Jaeger spec.allInOne.image jaegertracing/all-in-one:1.30.0',
      'Jaeger spec.allInOne.image jaegertracing/all-in-one:1.31',
      'Jaeger spec.allInOne.image jaegertracing/all-in-one:1.65.0',
      'Jaeger spec.storage.grpcPlugin.image ghcr.io/pavolloffay/jaeger-clickhouse:0.4.1',
      'Prometheus spec.image quay.io/prometheus/prometheus:v3.13.2',
      'ThanosRuler spec.image quay.io/thanos/thanos:v0.42.4',
    ]);
  });

  describe('every file reads without a yaml-syntax problem, except those kubectl rejects too', () => {
    for (const repository of repositories) {
      it(repository, () => {
        for (const file of manifests.filter((f) => rel(corpus, f).startsWith(`${repository}/`))) {
          const name = rel(corpus, file);
          const parsed = readManifestText(readFileSync(file, 'utf8'), name, FULL_YAML_READERS);
          const expected = (EXPECTED_PROBLEMS[name] ?? []).map((p) => ({ file: name, ...p }));
          assert.deepEqual(parsed.problems, expected, name);
          if (expected.length === 0) assert.ok(parsed.objects.length > 0, `${name}: at least one object`);
        }
      });
    }
  });

  describe('the fast readers agree with the exact reader', () => {
    const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
    for (const repository of repositories) {
      it(repository, () => {
        for (const file of manifests.filter((f) => rel(corpus, f).startsWith(`${repository}/`))) {
          const name = rel(corpus, file);
          const text = readFileSync(file, 'utf8');
          const fast = readManifestText(text, name, FULL_YAML_READERS, { stats });
          const exact = readManifestText(text, name, FULL_YAML_READERS, { reader: 'exact' });
          assert.deepEqual(fast.problems, exact.problems, `${name}: problems`);
          assert.deepEqual(
            [fast.skippedDocuments, fast.emptyDocuments],
            [exact.skippedDocuments, exact.emptyDocuments],
            `${name}: skipped and empty documents`,
          );
          assert.deepEqual(readView(fast.objects), readView(exact.objects), `${name}: objects and positions`);
        }
      });
    }
    // The line reader now reads the CustomResourceDefinitions too, so that the event reader has
    // hardly a document left here: the differential test against kubectl's decoder holds it to
    // kubectl on generated documents that reach it.
    it('and the line reader and JSON had a share of the documents (so the agreement means something)', () => {
      assert.ok(stats.line > 0 && stats.json > 0, JSON.stringify(stats));
    });
  });

  for (const target of ['remote', 'kind'] as const) {
    describe(`findings for --target ${target}`, () => {
      const findings = repositories.flatMap((repository) => lintRepository(corpus, repository, target));
      const summary = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`;

      it('counts per rule and severity are the reviewed ones', () => {
        const counts: Record<string, number> = {};
        for (const f of findings) counts[`${f.ruleId} ${f.severity}`] = (counts[`${f.ruleId} ${f.severity}`] ?? 0) + 1;
        assert.deepEqual(Object.fromEntries(Object.entries(counts).sort()), EXPECTED_COUNTS[target]);
      });

      it('spot checks of each reviewed class', () => {
        for (const [where, messageStart] of SPOT_CHECKS[target]) {
          const matches = findings.filter((f) => summary(f) === where);
          assert.equal(matches.length, 1, `${where}: exactly one finding`);
          assert.ok(matches[0]!.message.startsWith(messageStart), `${where}: ${matches[0]!.message}`);
        }
      });
    });
  }
});
