// build-tool-image on what the manifests alone say: ko's import paths. Builds named by a
// skaffold.yaml or a Tiltfile beside the manifests need those files, read by the file gateway:
// test/cli/build-tools.test.ts runs them end to end on the projects' own examples.
import { rule } from '../../../src/rules/build-tool-image.js';
import { ruleTester } from '../../support/rule-tester.js';

function deployment(image: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: hello',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: hello',
    `          image: ${image}`,
    '',
  ].join('\n');
}

ruleTester(rule, {
  valid: [
    { name: 'a ko build on a local cluster: ko builds and loads it there', yaml: deployment('ko://github.com/acme/hello/cmd/hello'), target: 'kind' },
    { name: 'an image no build tool makes', yaml: deployment('ghcr.io/acme/hello:1.2.3') },
    { name: 'a locally built bare name without any build file: local-only-image judges it', yaml: deployment('hello:1.2.3') },
  ],
  invalid: [
    {
      name: 'a ko build on a remote target: where it goes is $KO_DOCKER_REPO',
      yaml: deployment('ko://github.com/acme/hello/cmd/hello'),
      errors: [
        {
          line: 10,
          column: 18,
          severity: 'info',
          message:
            '"ko://github.com/acme/hello/cmd/hello" is built by ko (the Go package github.com/acme/hello/cmd/hello); for a remote cluster ko pushes it to $KO_DOCKER_REPO (it refuses to run without it), which pullguard does not read; applied as written, without ko, the kubelet rejects it (InvalidImageName)',
          remediation: 'Set KO_DOCKER_REPO to a registry the nodes can pull from. Then deploy with `ko apply -f`, or lint what it applies (`ko resolve -f config/ | pullguard lint -`).',
          path: 'spec.template.spec.containers[0].image',
        },
      ],
    },
    {
      name: 'on AKS the same, named for the target',
      yaml: deployment('ko://github.com/acme/hello/cmd/hello'),
      target: 'aks',
      errors: [{ line: 10, column: 18, severity: 'info', message: /^"ko:\/\/github\.com\/acme\/hello\/cmd\/hello" is built by ko .*; for Azure Kubernetes Service ko pushes it to \$KO_DOCKER_REPO/ }],
    },
  ],
});
