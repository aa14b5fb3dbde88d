import { rule } from '../../../src/rules/unresolved-variable.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const REMEDIATION =
  'Run the rendering step before applying and lint its output (e.g. `envsubst < deploy.yaml | pullguard lint -`, `helm template . | pullguard lint -`, `ko resolve -f config/ | pullguard lint -`), or write the final image reference.';
const ENVSUBST = 'envsubst, the shell or CI step that renders this file, or Flux post-build substitution';
const INVALID_NAME = 'the kubelet rejects it and the pod fails with InvalidImageName';

ruleTester(rule, {
  valid: [
    // Issue 9: ko import paths are ko builds (build-tool-image), not leftovers.
    { name: 'remote: ko:// import paths are builds', yaml: pod('ko://github.com/acme/app/cmd/web') },
    { name: 'remote: bare Go import paths that ko resolves are builds', yaml: pod('github.com/acme/app/cmd/web') },
    ...validAtEveryPlacement('ghcr.io/acme/app:1.4.2'),
    { name: 'remote: a double underscore inside a path component is legal', yaml: pod('registry.acme.io/team/my__app:1.0') },
    { name: 'remote: a digest is not an @…@ token', yaml: pod('ghcr.io/acme/app@sha256:0000000000000000000000000000000000000000000000000000000000000000') },
    { name: 'remote: placeholders are placeholder-registry’s', yaml: pod('REGISTRY_URL/app:1.0') },
    { name: 'remote: invalid references without template syntax are invalid-image-reference’s', yaml: pod('App:1.0') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('"${IMAGE}"', { 'pullguard.dev/ignore': 'unresolved-variable' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('"${IMAGE}"'), ruleSettings: { 'unresolved-variable': 'off' } },
    {
      name: 'remote: Argo Workflows substitutes {{inputs.parameters.x}} at run time',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: build-
        spec:
          entrypoint: main
          templates:
            - name: main
              containerSet:
                containers:
                  - name: main
                    image: "{{inputs.parameters.image}}"
      `,
    },
    {
      name: 'remote: $(VAR) in command and env is Kubernetes’ own expansion, not an image',
      yaml: pod('busybox:1.37.0', ['command: ["sh", "-c", "echo $(GREETING) ${HOME}"]', 'env: [{ name: GREETING, value: "{{ hi }}" }]']),
    },
  ],
  invalid: [
    ...invalidAtEveryPlacement('${REGISTRY}/app:${TAG}', {
      message: `"\${REGISTRY}/app:\${TAG}" contains \${REGISTRY} and \${TAG}, which should have been replaced by ${ENVSUBST}: Kubernetes never expands them in image, so ${INVALID_NAME}`,
      remediation: REMEDIATION,
    }),
    {
      name: 'remote: exact finding for $VAR',
      yaml: pod('$REGISTRY/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'error',
          path: 'spec.containers[0].image',
          container: 'web',
          image: '$REGISTRY/app:1.0',
          message: `"$REGISTRY/app:1.0" contains $REGISTRY, which should have been replaced by ${ENVSUBST}: Kubernetes never expands it in image, so ${INVALID_NAME}`,
          remediation: REMEDIATION,
        },
      ],
    },
    {
      name: 'remote: Helm values',
      yaml: pod('"{{ .Values.image.repository }}:{{ .Values.image.tag }}"'),
      errors: [
        {
          line: 8,
          column: 14,
          message: `"{{ .Values.image.repository }}:{{ .Values.image.tag }}" contains {{ .Values.image.repository }} and {{ .Values.image.tag }}, which should have been replaced by Helm (\`helm template\` or \`helm install\` renders the chart): Kubernetes never expands them in image, so ${INVALID_NAME}`,
        },
      ],
    },
    {
      name: 'remote: %VAR% of a Windows batch script',
      yaml: pod('"%REGISTRY%/app:1.0"'),
      errors: [
        {
          line: 8,
          column: 14,
          message: `"%REGISTRY%/app:1.0" contains %REGISTRY%, which should have been replaced by cmd.exe (%VAR% is expanded only inside Windows batch scripts): Kubernetes never expands it in image, so ${INVALID_NAME}`,
        },
      ],
    },
    {
      name: 'remote: a token that still parses as a tag is pulled literally',
      yaml: pod('ghcr.io/acme/app:__TAG__'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"ghcr.io/acme/app:__TAG__" contains __TAG__, which should have been replaced by a token-replacement step (Azure DevOps Replace Tokens `__…__`): Kubernetes never expands it in image, so the kubelet asks the registry for the literal text and the pull fails with ErrImagePull',
        },
      ],
    },
    {
      name: 'remote: Azure DevOps #{…}#',
      yaml: pod('"app:#{Build.BuildId}#"'),
      errors: [{ line: 8, column: 14, message: /^"app:#\{Build\.BuildId\}#" contains #\{Build\.BuildId\}#, which should have been replaced by a token-replacement step/ }],
    },
    {
      name: 'remote: $(VAR) is never expanded in image',
      yaml: pod('"$(REGISTRY)/app:1.0"'),
      errors: [{ line: 8, column: 14, message: /^"\$\(REGISTRY\)\/app:1\.0" contains \$\(REGISTRY\), which should have been replaced by an Azure Pipelines macro/ }],
    },
    {
      name: 'remote: a GitHub Actions expression, reported whole and named (not ${{ github.sha } and envsubst)',
      yaml: pod('"ghcr.io/acme/app:${{ github.sha }}"'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"ghcr.io/acme/app:${{ github.sha }}" contains ${{ github.sha }}, which should have been replaced by GitHub Actions (it evaluates `${{ … }}` in the workflow file only, not in the files a step applies): Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName',
        },
      ],
    },
    {
      name: 'remote: an Azure Pipelines macro of a predefined variable, named',
      yaml: pod('"acme.azurecr.io/webapi:$(Build.BuildId)"'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"acme.azurecr.io/webapi:$(Build.BuildId)" contains $(Build.BuildId), which should have been replaced by Azure Pipelines (it expands `$(…)` macros in the pipeline file and task inputs only, not in the files a step applies): Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName',
        },
      ],
    },
    {
      name: 'remote: ${VAR} in an Argo Workflow is not Argo’s syntax',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: build-
        spec:
          entrypoint: main
          templates:
            - name: main
              containerSet:
                containers:
                  - name: main
                    image: "\${BUILDER}"
      `,
      errors: [{ line: 12, column: 20, container: 'main', message: /^"\$\{BUILDER\}" contains \$\{BUILDER\}, which should have been replaced by envsubst/ }],
    },
    {
      name: 'docker-desktop: a variable fails on local targets too',
      target: 'docker-desktop',
      yaml: pod('"${IMAGE}"'),
      errors: [{ line: 8, column: 14, message: `"\${IMAGE}" contains \${IMAGE}, which should have been replaced by ${ENVSUBST}: Kubernetes never expands it in image, so ${INVALID_NAME}` }],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: pod('"${IMAGE}"'),
      ruleSettings: { 'unresolved-variable': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: /^"\$\{IMAGE\}" contains \$\{IMAGE\}/ }],
    },
  ],
});
