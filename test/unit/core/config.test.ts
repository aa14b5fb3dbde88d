import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config.js';
import { ConfigError } from '../../../src/shared/errors.js';

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
    ['taget: aks', '.pullguard.yaml:1:1: unknown key "taget" (did you mean "target"?); expected one of target, failOn, rules, registries, platforms', 'typo in a top-level key'],
    ['registries:\n  localhost:5000:\n    plainHTTP: true', '.pullguard.yaml:3:5: unknown key "plainHTTP" in registries.localhost:5000; expected one of mirrors, plainHttp, caFile, insecureSkipVerify', 'unknown registry key'],
    ['registries:\n  localhost:5000:\n    plainHttp: "yes please"', '.pullguard.yaml:3:16: registries.localhost:5000.plainHttp: expected true or false', 'non-boolean'],
    ['- target: aks', '.pullguard.yaml:1:1: expected a mapping with keys target, failOn, rules, registries, platforms', 'a list instead of a mapping'],
    ['target: [aks', '.pullguard.yaml:1:13: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', 'broken YAML'],
    ['target: aks\ntarget: eks', '.pullguard.yaml:2:1: invalid YAML: Map keys must be unique', 'duplicate keys'],
  ];
  for (const [text, expected, title] of errors) {
    it(`rejects ${title} with its position`, () => {
      const error = configError(text);
      assert.ok(error.message.startsWith(expected), `got: ${error.message}`);
    });
  }
});
