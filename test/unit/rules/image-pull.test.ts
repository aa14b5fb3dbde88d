// image-pull over context.facts.images, through the one engine (runRules): severity by the cause's
// vantage, the cause id, the remediation from the catalogue, ignore annotations, severities and
// `off` from .pullguard.yaml, facts that could not be gathered, and silence without facts (lint).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RegistryCause } from '../../../src/causes/classify-registry.js';
import type { RuleSetting } from '../../../src/core/run-rules.js';
import { runRules } from '../../../src/core/run-rules.js';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import type { Facts, ImagePullFact } from '../../../src/facts/facts.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { rule } from '../../../src/rules/image-pull.js';

function pod(annotations = ''): string {
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', ...(annotations === '' ? [] : ['  annotations:', `    ${annotations}`]), 'spec:', '  containers:', '    - name: app', '      image: ghcr.io/acme/web:1.0', ''].join('\n');
}

function run(facts: (object: ManifestObject) => ImagePullFact[] | undefined, options: { annotations?: string; setting?: RuleSetting; target?: string } = {}) {
  const { objects } = readManifestText(pod(options.annotations), 'm.yaml', FULL_YAML_READERS);
  const target = getTargetProfile(options.target ?? 'remote');
  assert.ok(target !== undefined);
  const images = new Map<ManifestObject, ImagePullFact[]>();
  for (const object of objects) {
    const list = facts(object);
    if (list !== undefined) images.set(object, list);
  }
  const all: Facts = { images };
  return runRules(objects, [rule], { target, facts: all, ...(options.setting === undefined ? {} : { ruleSettings: { 'image-pull': options.setting } }) });
}

function verdict(status: RegistryCause, credentialSource = 'anonymous', sendsCredentials = false): () => ImagePullFact[] {
  return () => [{
    path: ['spec', 'containers', 0, 'image'],
    container: 'app',
    image: 'ghcr.io/acme/web:1.0',
    registry: 'ghcr.io',
    sendsCredentials,
    verdict: { status, summary: `the registry says ${status}`, registry: 'ghcr.io', credentialSource },
  }];
}

describe('image-pull', () => {
  const CASES: { status: RegistryCause; severity?: string; remediation?: string; credentialSource?: string; sendsCredentials?: boolean }[] = [
    { status: 'ok' },
    { status: 'image-not-found', severity: 'error', remediation: 'Push ghcr.io/acme/web:1.0 to ghcr.io, or fix the repository or tag to one that exists.' },
    { status: 'forbidden', severity: 'error', remediation: 'ghcr.io refuses anonymous pulls of this repository: give the pods a pull secret for ghcr.io (imagePullSecrets) whose account may pull it.' },
    { status: 'forbidden', severity: 'error', credentialSource: 'secret default/regcred (.dockerconfigjson)', sendsCredentials: true, remediation: 'Grant pull access on this repository to the account of secret default/regcred (.dockerconfigjson).' },
    { status: 'platform-mismatch', severity: 'error', remediation: 'Build and push the image for every node platform (docker buildx build --platform ...), or set --platform / platforms in .pullguard.yaml to what the nodes run.' },
    { status: 'dns-error', severity: 'warning' },
    { status: 'rate-limited', severity: 'warning' },
    { status: 'registry-server-error', severity: 'warning' },
    { status: 'tls-error', severity: 'warning', remediation: `If the nodes trust the registry's CA, set registries."ghcr.io".caFile in .pullguard.yaml to that CA.` },
    { status: 'unknown', severity: 'warning' },
    { status: 'unknown', severity: 'info', credentialSource: 'node identity' },
  ];
  for (const { status, severity, remediation, credentialSource, sendsCredentials } of CASES) {
    it(`${status}${credentialSource === undefined ? '' : ` (${credentialSource})`} → ${severity ?? 'no finding'}`, () => {
      const { findings } = run(verdict(status, credentialSource, sendsCredentials));
      if (severity === undefined) return assert.deepEqual(findings, []);
      assert.deepEqual(findings, [{
        ruleId: 'image-pull',
        severity,
        message: `ghcr.io/acme/web:1.0: the registry says ${status}`,
        file: 'm.yaml',
        line: 8,
        column: 14,
        object: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
        path: 'spec.containers[0].image',
        container: 'app',
        image: 'ghcr.io/acme/web:1.0',
        ...(remediation === undefined ? {} : { remediation }),
        cause: status,
      }]);
    });
  }

  it('says so when the fact could not be gathered', () => {
    const { findings } = run(() => [{ path: ['spec', 'containers', 0, 'image'], container: 'app', image: 'ghcr.io/acme/web:1.0', registry: 'ghcr.io', sendsCredentials: false, verdict: { unknown: 'the registry was not asked' } }]);
    assert.deepEqual(findings.map((f) => [f.severity, f.cause, f.message]), [['warning', 'unknown', 'ghcr.io/acme/web:1.0: not checked: the registry was not asked']]);
  });

  it('is silent without facts, as in lint', () => {
    const { objects } = readManifestText(pod(), 'm.yaml', FULL_YAML_READERS);
    const target = getTargetProfile('remote');
    assert.ok(target !== undefined);
    assert.deepEqual(runRules(objects, [rule], { target }).findings, []);
  });

  it('obeys pullguard.dev/ignore, counting what it suppressed', () => {
    for (const annotation of ['pullguard.dev/ignore: image-pull', 'pullguard.dev/ignore: latest-tag,all']) {
      const result = run(verdict('image-not-found'), { annotations: annotation });
      assert.deepEqual([result.findings.length, result.ignored], [0, 1], annotation);
    }
  });

  it('takes its severity from .pullguard.yaml, or nothing when off', () => {
    assert.deepEqual(run(verdict('image-not-found'), { setting: 'info' }).findings.map((f) => f.severity), ['info']);
    assert.deepEqual(run(verdict('dns-error'), { setting: 'error' }).findings.map((f) => f.severity), ['error']);
    const off = run(verdict('image-not-found'), { setting: 'off' });
    assert.deepEqual([off.findings.length, off.ignored], [0, 0]);
  });
});
