// Which pull secrets a pod gets, as lint and check both read it; and findServiceAccount, which
// looks ServiceAccounts up through an index built once per run (a scan per pod spec made big runs
// quadratic): these cases pin the answers the plain scan gave.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { podPullSecrets } from '../../../src/credentials/credentials-for-pod.js';
import { assignedPullSecretNames, findServiceAccount } from '../../../src/credentials/pod-pull-secrets.js';
import { pullObjectsFromValues } from '../../../src/credentials/pull-object-source.js';

function serviceAccount(name: string, namespace: string | undefined, secret: string): string {
  return [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'imagePullSecrets:',
    `- name: ${secret}`,
  ].join('\n');
}

function objects(...documents: string[]): ManifestObject[] {
  const parsed = readManifestText(documents.join('\n---\n'), 'accounts.yaml', FULL_YAML_READERS);
  assert.deepEqual(parsed.problems, []);
  return parsed.objects;
}

function secretOf(account: ManifestObject | undefined): string[] | undefined {
  return account === undefined ? undefined : assignedPullSecretNames({}, account.value);
}

describe('findServiceAccount', () => {
  it('finds the account of the pod namespace, not one of the same name elsewhere', () => {
    const run = objects(serviceAccount('builder', 'ci', 'ci-cred'), serviceAccount('builder', 'shop', 'shop-cred'));
    assert.deepEqual(secretOf(findServiceAccount(run, 'builder', 'shop')), ['shop-cred']);
    assert.deepEqual(secretOf(findServiceAccount(run, 'builder', 'ci')), ['ci-cred']);
    assert.equal(findServiceAccount(run, 'builder', 'other'), undefined);
    assert.equal(findServiceAccount(run, 'deployer', 'shop'), undefined);
  });

  it('takes the first match in file order when several fit', () => {
    const run = objects(serviceAccount('default', undefined, 'first'), serviceAccount('default', 'shop', 'second'));
    assert.deepEqual(secretOf(findServiceAccount(run, 'default', 'shop')), ['first']);
  });

  it('lets an account without a namespace match any pod, and a pod without one match any account', () => {
    const run = objects(serviceAccount('app', 'shop', 'shop-cred'), serviceAccount('tool', undefined, 'tool-cred'));
    assert.deepEqual(secretOf(findServiceAccount(run, 'app', undefined)), ['shop-cred']);
    assert.deepEqual(secretOf(findServiceAccount(run, 'tool', 'anywhere')), ['tool-cred']);
  });

  it('ignores objects of other kinds with the same name', () => {
    const run = objects(['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app', '  namespace: shop'].join('\n'));
    assert.equal(findServiceAccount(run, 'app', 'shop'), undefined);
  });

  it('sees an account added to the same array after an earlier lookup', () => {
    const run = objects(serviceAccount('app', 'shop', 'shop-cred'));
    assert.equal(findServiceAccount(run, 'late', 'shop'), undefined);
    run.push(...objects(serviceAccount('late', 'shop', 'late-cred')));
    assert.deepEqual(secretOf(findServiceAccount(run, 'late', 'shop')), ['late-cred']);
  });
});

describe('assignedPullSecretNames: the pod\'s list when it has any entry, else the ServiceAccount\'s', () => {
  const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'shop' }, imagePullSecrets: [{ name: 'regcred' }] };
  const table: Array<[podSpec: Record<string, unknown>, expected: string[], origin: string]> = [
    [{}, ['regcred'], 'service-account'],
    [{ imagePullSecrets: [] }, ['regcred'], 'service-account'],
    [{ imagePullSecrets: null }, ['regcred'], 'service-account'],
    [{ imagePullSecrets: [{ name: 'own' }, { name: 'own' }] }, ['own'], 'pod'],
    // Admission (plugin/pkg/admission/serviceaccount) sees a non-empty list and copies nothing;
    // kubelet skips the unnamed entry: the pod pulls with no secret. Lint used to read the
    // account's list here while check did not.
    [{ imagePullSecrets: [{ name: '' }] }, [], 'pod'],
    [{ imagePullSecrets: [{}] }, [], 'pod'],
  ];
  for (const [podSpec, expected, origin] of table) {
    it(`${JSON.stringify(podSpec)} → ${JSON.stringify(expected)}, as check's model says`, () => {
      assert.deepEqual(assignedPullSecretNames(podSpec, account), expected);
      const check = podPullSecrets({ namespace: 'shop', podSpec }, pullObjectsFromValues([account], { defaultNamespace: 'shop' }));
      assert.deepEqual([check.secretNames, check.origin === 'none' ? 'pod' : check.origin], [expected, origin]);
    });
  }
});
