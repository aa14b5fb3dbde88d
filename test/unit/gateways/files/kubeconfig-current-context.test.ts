import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kubeconfigCurrentContext } from '../../../../src/gateways/files/kubeconfig-current-context.js';

describe('kubeconfigCurrentContext', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pullguard-current-context-'));
    mkdirSync(join(dir, 'home', '.kube'), { recursive: true });
    writeFileSync(join(dir, 'home', '.kube', 'config'), 'apiVersion: v1\nkind: Config\ncurrent-context: kind-dev   # the one\n');
    writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Config\ncurrent-context: ""\n');
    writeFileSync(join(dir, 'b.yaml'), "apiVersion: v1\nkind: Config\ncurrent-context: 'prod-aks'\n");
    writeFileSync(join(dir, 'nested.yaml'), 'contexts:\n- name: x\n  current-context: not-top-level\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ~/.kube/config without KUBECONFIG, comments and quotes aside', () => {
    assert.equal(kubeconfigCurrentContext({ HOME: join(dir, 'home') }, dir), 'kind-dev');
  });

  it('with KUBECONFIG, the first file that sets one wins (an empty value sets none)', () => {
    assert.equal(kubeconfigCurrentContext({ HOME: join(dir, 'home'), KUBECONFIG: ['a.yaml', 'missing.yaml', 'b.yaml'].join(delimiter) }, dir), 'prod-aks');
  });

  it('no kubeconfig, no HOME, an indented key, or --kubeconfig naming a file without one: none', () => {
    assert.equal(kubeconfigCurrentContext({ HOME: join(dir, 'nowhere') }, dir), undefined);
    assert.equal(kubeconfigCurrentContext({}, dir), undefined);
    assert.equal(kubeconfigCurrentContext({ KUBECONFIG: 'nested.yaml' }, dir), undefined);
    assert.equal(kubeconfigCurrentContext({ HOME: join(dir, 'home') }, dir, 'a.yaml'), undefined);
    assert.equal(kubeconfigCurrentContext({}, dir, 'b.yaml'), 'prod-aks');
  });
});
