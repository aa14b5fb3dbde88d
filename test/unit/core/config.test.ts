import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigProblems, parseConfig } from '../../../src/core/config.js';
import { ConfigError } from '../../../src/shared/errors.js';
import { CLUSTER_TYPES } from '../../../src/detect/cluster-type.js';

const RULE_IDS = ['latest-tag', 'missing-tag', 'never-pull-on-remote'];

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '.pullguard.yaml', RULE_IDS);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads every supported key', () => {
    const config = parseConfig(
      [
        'target: aks',
        'failOn: warning',
        'rules:',
        '  latest-tag: off',
        '  missing-tag: error',
        'registries:',
        '  localhost:5000:',
        '    plainHttp: true',
        '  registry.corp.example:',
        '    caFile: certs/corp-ca.pem',
        '    mirrors: [https://mirror.corp.example]',
        'platforms: [linux/amd64, linux/arm64]',
      ].join('\n'),
      '.pullguard.yaml',
      RULE_IDS,
    );
    assert.deepEqual(config, {
      file: '.pullguard.yaml',
      target: 'aks',
      failOn: 'warning',
      rules: { 'latest-tag': 'off', 'missing-tag': 'error' },
      registries: {
        'localhost:5000': { plainHttp: true },
        'registry.corp.example': { caFile: 'certs/corp-ca.pem', mirrors: ['https://mirror.corp.example'] },
      },
      platforms: ['linux/amd64', 'linux/arm64'],
    });
  });

  it('accepts an empty file and a file of comments', () => {
    assert.deepEqual(parseConfig('', 'c.yaml', RULE_IDS), { file: 'c.yaml', rules: {}, registries: {} });
    assert.deepEqual(parseConfig('# nothing yet\n', 'c.yaml', RULE_IDS), { file: 'c.yaml', rules: {}, registries: {} });
  });

  const errors: [string, string, string][] = [
    ['target: azure', '.pullguard.yaml:1:9: target: expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, got "azure"', 'unknown target'],
    ['rules:\n  latest-tags: off', '.pullguard.yaml:2:3: unknown rule "latest-tags" (did you mean "latest-tag"?)', 'unknown rule with a suggestion'],
    ['rules:\n  latest-tag: fatal', '.pullguard.yaml:2:15: rules.latest-tag: expected one of off, error, warning, info, got "fatal"', 'bad severity'],
    ['taget: aks', '.pullguard.yaml:1:1: unknown key "taget" (did you mean "target"?); expected one of target, failOn, rules, registries, platforms, unverified, clusters', 'typo in a top-level key'],
    ['registries:\n  localhost:5000:\n    plainHTTP: true', '.pullguard.yaml:3:5: unknown key "plainHTTP" in registries.localhost:5000 (did you mean "plainHttp"?); expected one of mirrors, plainHttp, caFile, insecureSkipVerify', 'unknown registry key'],
    ['registries:\n  localhost:5000:\n    plainHttp: "yes please"', '.pullguard.yaml:3:16: registries.localhost:5000.plainHttp: expected true or false, got "yes please"', 'non-boolean'],
    ['- target: aks', '.pullguard.yaml:1:1: expected a mapping with keys target, failOn, rules, registries, platforms, unverified, clusters', 'a list instead of a mapping'],
    ['target: [aks', '.pullguard.yaml:1:13: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 'broken YAML'],
    ['target: aks\ntarget: eks', '.pullguard.yaml:2:1: invalid YAML: the key "target" appears again in the same mapping; expected each key once', 'duplicate keys'],
    ['target:', '.pullguard.yaml:1:8: target: expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, got nothing', 'a key without a value, at the end of its key'],
    ['rules: [latest-tag]', '.pullguard.yaml:1:8: rules: expected a mapping, got a list', 'a list where a mapping belongs'],
    ['platforms: {linux: amd64}', '.pullguard.yaml:1:12: platforms: expected a list of strings, got a mapping', 'a mapping where a list belongs'],
  ];
  for (const [text, expected, title] of errors) {
    it(`rejects ${title} with its position`, () => {
      const error = configError(text);
      assert.equal(error.message, expected);
    });
  }
});

describe('parseConfig: every mistake of a file at once', () => {
  it('reports each mistake with its line, column and what was expected, in the order of the file', () => {
    const error = configError(
      [
        'target: azure',
        'failOn: fatal',
        'rules:',
        '  latest-tags: off',
        '  missing-tag: nope',
        'registries:',
        '  localhost:5000:',
        '    plainHTTP: true',
        '    plainHttp: maybe',
        '    caFile:',
        '    mirrors: [https://mirror.example, {url: x}]',
        'platforms: {linux: amd64}',
        'taget: kind',
        'failOn: error',
      ].join('\n'),
    );
    assert.ok(error instanceof ConfigProblems);
    assert.deepEqual(
      error.problems.map((p) => [p.line, p.column, p.message]),
      [
        [1, 9, 'target: expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, got "azure"'],
        [2, 9, 'failOn: expected one of error, warning, info, never, got "fatal"'],
        [4, 3, 'unknown rule "latest-tags" (did you mean "latest-tag"?)'],
        [5, 16, 'rules.missing-tag: expected one of off, error, warning, info, got "nope"'],
        [8, 5, 'unknown key "plainHTTP" in registries.localhost:5000 (did you mean "plainHttp"?); expected one of mirrors, plainHttp, caFile, insecureSkipVerify'],
        [9, 16, 'registries.localhost:5000.plainHttp: expected true or false, got "maybe"'],
        [10, 12, 'registries.localhost:5000.caFile: expected a string, got nothing'],
        [11, 39, 'registries.localhost:5000.mirrors item: expected a string, got a mapping'],
        [12, 12, 'platforms: expected a list of strings, got a mapping'],
        [13, 1, 'unknown key "taget" (did you mean "target"?); expected one of target, failOn, rules, registries, platforms, unverified, clusters'],
        [14, 1, 'invalid YAML: the key "failOn" appears again in the same mapping; expected each key once'],
      ],
    );
    assert.ok(error.problems.every((p) => p.file === '.pullguard.yaml'));
    assert.equal(error.line, 1);
    assert.equal(error.column, 9);
    assert.equal(error.hint, 'Run `pullguard explain --list` to see every rule id.');
  });

  it('says how many and lists one per line, each with file:line:column', () => {
    const error = configError('target: azure\nrules:\n  latest-tags: off\n');
    assert.equal(
      error.message,
      [
        '.pullguard.yaml: 2 errors',
        '  .pullguard.yaml:1:9: target: expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, got "azure"',
        '  .pullguard.yaml:3:3: unknown rule "latest-tags" (did you mean "latest-tag"?)',
      ].join('\n'),
    );
  });

  it('stops after a syntax error other than a duplicate key: the structure it would check is a guess', () => {
    const error = configError('target: azure\nrules: [\n');
    assert.ok(error instanceof ConfigProblems);
    assert.ok(error.problems.length >= 1);
    assert.ok(error.problems.every((p) => p.message.startsWith('invalid YAML: ') && p.line !== undefined && p.column !== undefined));
  });
});

describe('parseConfig: clusters (what detect was told per context)', () => {
  const ids: string[] = [];
  it('reads a type or a location per kubeconfig context', () => {
    const config = parseConfig('clusters:\n  kind-dev: { location: local }\n  "arn:aws:eks:eu-west-1:1:cluster/web":\n    type: eks\n', '.pullguard.yaml', ids);
    assert.deepEqual(config.clusters, { 'kind-dev': { location: 'local' }, 'arn:aws:eks:eu-west-1:1:cluster/web': { type: 'eks' } });
  });

  it('names the nearest type and the place of every mistake', () => {
    assert.throws(
      () => parseConfig('clusters:\n  a: { type: minikub, color: red }\n  b:\n', '.pullguard.yaml', ids),
      (error: unknown) =>
        error instanceof Error &&
        error.message ===
          [
            '.pullguard.yaml: 3 errors',
            `  .pullguard.yaml:2:14: clusters.a.type: expected one of ${CLUSTER_TYPES.join(', ')}, got "minikub" (did you mean "minikube"?)`,
            '  .pullguard.yaml:2:23: unknown key "color" in clusters.a; expected one of type, location',
            '  .pullguard.yaml:3:3: clusters.b: expected a mapping with type or location, got nothing',
          ].join('\n'),
    );
  });
});
