// Pull-secret problems as `lint` prints them: the secret, the namespace and what is wrong, at the
// Secret's line and column, and never a piece of the secret in any format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './run-cli.js';

const PASSWORD = 'Xq7Vz9KpW2mJ4rTb';
// "Xq7Vz9KpW2mJ4rTb" as the auth field holds it (base64 of the string itself: no colon, so invalid).
const AUTH = 'WHE3Vno5S3BXMm1KNHJUYg==';

describe('lint: pull-secret findings', () => {
  it('names each secret, its namespace and the problem, at its line and column', () => {
    const run = runCli(['lint', 'pull-secrets', '--target', 'remote', '-o', 'json']);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; line: number; column: number; message: string }[] };
    const own = report.findings
      .filter((f) => ['invalid-pull-secret', 'unknown-pull-secret', 'unknown-service-account'].includes(f.ruleId))
      .map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    assert.deepEqual(own, [
      '9:22 error invalid-pull-secret secret shop/regcred (.dockerconfigjson): auths["ghcr.io"].auth does not decode to "username:password" (no ":" in it); kubelet cannot decode this secret and fails every image pull of pods that use it',
      '18:22 warning invalid-pull-secret secret shop/opaque-cred holds .dockerconfigjson but has type Opaque; kubelet only reads it for image pulls when the type is kubernetes.io/dockerconfigjson',
      '27:22 error invalid-pull-secret secret shop/broken-json (.dockerconfigjson) is not valid JSON (error at character 53); the API server rejects this Secret',
      '42:17 info unknown-pull-secret secret shop/elsewhere (from the pod spec) is not among the manifests; if it is not in the cluster either, kubelet pulls without it',
    ]);
    assert.equal(run.code, 1);
  });

  for (const format of ['text', 'json', 'sarif', 'junit', 'github', 'markdown']) {
    it(`prints no piece of a secret (--format ${format})`, () => {
      const run = runCli(['lint', 'pull-secrets', '--target', 'remote', '-o', format]);
      const output = run.stdout + run.stderr;
      for (const secret of [PASSWORD, AUTH]) {
        for (let i = 0; i + 5 <= secret.length; i++) assert.ok(!output.includes(secret.slice(i, i + 5)), `"${secret.slice(i, i + 5)}" printed`);
      }
    });
  }
});
