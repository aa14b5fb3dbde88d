import { rule } from '../../../src/rules/invalid-pull-secret.js';
import { ruleTester } from '../../support/rule-tester.js';

/** A Secret in namespace shop; `body` are the lines after metadata (type, data, stringData). */
function secret(name: string, body: readonly string[]): string {
  return ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, '  namespace: shop', ...body, ''].join('\n');
}

const GOOD = `'{"auths": {"ghcr.io": {"username": "bot", "password": "s3cr3t-pw"}}}'`;
const RECREATE = /kubectl create secret docker-registry regcred -n shop /;

ruleTester(rule, {
  valid: [
    { name: 'a valid dockerconfigjson under stringData', yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: ${GOOD}`]) },
    {
      name: 'a valid dockerconfigjson under data (base64)',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${Buffer.from('{"auths":{"ghcr.io":{"auth":"Ym90OnB3"}}}').toString('base64')}`]),
    },
    { name: 'an Opaque secret without docker config keys', yaml: secret('settings', ['type: Opaque', 'stringData:', '  password: hunter2']) },
    { name: 'a Secret without type and without docker keys', yaml: secret('settings', ['data:', '  token: aGk=']) },
    { name: 'a ConfigMap holding the same key is not a Secret', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  .dockerconfigjson: "{"\n' },
    { name: 'ignored by annotation', yaml: secret('regcred', ['  annotations:', '    pullguard.dev/ignore: invalid-pull-secret', 'type: kubernetes.io/dockerconfigjson', 'data:', '  .dockerconfigjson: "%%%"']) },
  ],
  invalid: [
    {
      name: 'data that is not base64',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${GOOD}`]),
      errors: [
        {
          line: 8,
          column: 22,
          message: 'secret shop/regcred: data[".dockerconfigjson"] is not valid base64 (illegal base64 data at input byte 0); the API server rejects this Secret (put plain text under stringData instead)',
          remediation: RECREATE,
        },
      ],
    },
    {
      name: 'not JSON',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: '{"auths": {'`]),
      errors: [{ line: 8, column: 22, message: 'secret shop/regcred (.dockerconfigjson) is not valid JSON (error at character 11); the API server rejects this Secret' }],
    },
    {
      name: 'the dockercfg key under the dockerconfigjson type: pointed at the key that is there',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockercfg: '{"ghcr.io": {"auth": "Ym90OnB3"}}'`]),
      errors: [
        {
          line: 8,
          column: 15,
          message: 'secret shop/regcred has type kubernetes.io/dockerconfigjson but no .dockerconfigjson key (it holds .dockercfg, the key of type kubernetes.io/dockercfg); the API server rejects it',
          remediation: /stringData\["\.dockerconfigjson"\]/,
        },
      ],
    },
    {
      name: 'a dockerconfigjson document under the dockercfg type',
      yaml: secret('regcred', ['type: kubernetes.io/dockercfg', 'stringData:', `  .dockercfg: ${GOOD}`]),
      errors: [{ line: 8, column: 15, severity: 'warning', message: /^secret shop\/regcred \(\.dockercfg\) holds a config\.json-style \{"auths": \.\.\.\} object/ }],
    },
    {
      name: 'docker config data in an Opaque secret',
      yaml: secret('regcred', ['type: Opaque', 'stringData:', `  .dockerconfigjson: ${GOOD}`]),
      errors: [
        {
          line: 8,
          column: 22,
          severity: 'warning',
          message: 'secret shop/regcred holds .dockerconfigjson but has type Opaque; kubelet only reads it for image pulls when the type is kubernetes.io/dockerconfigjson',
          remediation: /^Set `type: kubernetes\.io\/dockerconfigjson`/,
        },
      ],
    },
    {
      name: 'an auth that is not base64(user:password) breaks every pull',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: '{"auths": {"ghcr.io": {"auth": "Ym90"}}}'`]),
      errors: [
        {
          line: 8,
          column: 22,
          message: 'secret shop/regcred (.dockerconfigjson): auths["ghcr.io"].auth does not decode to "username:password" (no ":" in it); kubelet cannot decode this secret and fails every image pull of pods that use it',
        },
      ],
    },
    {
      name: 'an entry whose credentials live in a credsStore',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: '{"auths": {"ghcr.io": {}}, "credsStore": "desktop"}'`]),
      errors: [{ line: 8, column: 22, severity: 'warning', message: /entry "ghcr\.io" has no auth, username or password/ }],
    },
    {
      name: 'a registry key kubelet cannot parse',
      yaml: secret('regcred', ['type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: '{"auths": {"http://bad host": {"username": "u", "password": "p"}}}'`]),
      errors: [{ line: 8, column: 22, severity: 'warning', message: 'secret shop/regcred (.dockerconfigjson) entry "http://bad host" is not a valid registry URL; kubelet skips it' }],
    },
  ],
});
