import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { withClusterAnswer } from '../../../src/core/cluster-answer-edit.js';
import { ConfigError } from '../../../src/shared/errors.js';

const edit = (text: string, context = 'kind-dev', location: 'local' | 'remote' = 'local') => withClusterAnswer(text, '.pullguard.yaml', context, location);

describe('withClusterAnswer', () => {
  it('creates the setting in an empty or missing file', () => {
    assert.equal(edit(''), 'clusters:\n  kind-dev:\n    location: local\n');
    assert.equal(edit('# only a comment'), '# only a comment\nclusters:\n  kind-dev:\n    location: local\n');
  });

  it('appends clusters and leaves every other byte alone', () => {
    const text = '# team settings\ntarget: aks   # CI deploys to AKS\n\nrules:\n    latest-tag: error\nplatforms: [linux/amd64,  linux/arm64]\n';
    assert.equal(edit(text), `${text}clusters:\n  kind-dev:\n    location: local\n`);
    assert.equal(edit('target: aks'), 'target: aks\nclusters:\n  kind-dev:\n    location: local\n');
  });

  it('adds a context beside the others, with their indentation', () => {
    const text = 'clusters:\n    prod:   # the real one\n        location: remote\n# trailing note\nfailOn: warning\n';
    assert.equal(edit(text), 'clusters:\n    prod:   # the real one\n        location: remote\n    kind-dev:\n      location: local\n# trailing note\nfailOn: warning\n');
  });

  it('fills an empty clusters key and an empty context entry', () => {
    assert.equal(edit('clusters:\ntarget: kind\n'), 'clusters:\n  kind-dev:\n    location: local\ntarget: kind\n');
    assert.equal(edit('clusters:\n  kind-dev:\n'), 'clusters:\n  kind-dev:\n    location: local\n');
  });

  it('replaces only the value of an existing answer, and adds one beside a type', () => {
    assert.equal(edit('clusters:\n  kind-dev:\n    location: "remote"  # said so\n'), 'clusters:\n  kind-dev:\n    location: local  # said so\n');
    assert.equal(edit('clusters:\n  kind-dev:\n    type: kind\n'), 'clusters:\n  kind-dev:\n    type: kind\n    location: local\n');
  });

  it('quotes context names YAML would misread, and the result reads back', () => {
    for (const context of ['arn:aws:eks:eu-west-1:123456789012:cluster/web', 'default/api-ocp-example-com:6443/kube:admin', 'yes', '- dash', 'a: b', '#x']) {
      const out = edit('target: kind\n', context);
      assert.deepEqual(parse(out), { target: 'kind', clusters: { [context]: { location: 'local' } } }, out);
    }
  });

  it('rewrites a flow mapping through the document, keeping the values', () => {
    const out = edit('clusters: {prod: {location: remote}}\n');
    assert.deepEqual(parse(out), { clusters: { prod: { location: 'remote' }, 'kind-dev': { location: 'local' } } });
  });

  it('refuses a file that is not YAML or not a mapping, naming the file', () => {
    assert.throws(() => edit('target: [kind\n'), (error: unknown) => error instanceof ConfigError && /^\.pullguard\.yaml: cannot save the answer: the file is not valid YAML/.test(error.message));
    assert.throws(() => edit('- a\n- b\n'), (error: unknown) => error instanceof ConfigError && error.message === '.pullguard.yaml: cannot save the answer: expected the file to be a mapping');
    assert.throws(() => edit('clusters: [a]\n'), (error: unknown) => error instanceof ConfigError && error.message === '.pullguard.yaml: cannot save the answer: clusters is not a mapping');
  });
});
