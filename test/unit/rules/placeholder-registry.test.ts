import { rule } from '../../../src/rules/placeholder-registry.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const PLACEHOLDER = (image: string, placeholder: string, reason: string): string =>
  `"${image}" still contains the placeholder "${placeholder}", ${reason}: no registry serves it, so the pull fails`;

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('myteam.azurecr.io/webapi:1.4.2'),
    { yaml: pod('ghcr.io/acme/app:1.0') },
    { yaml: pod('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1') },
    { yaml: pod('us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.3') },
    { name: 'remote: an upper-case tag that is not a placeholder word', yaml: pod('ghcr.io/acme/app:V1.2') },
    { name: 'remote: "registry" as a Docker Hub official image', yaml: pod('registry:2.8.3') },
    { name: 'remote: "my" in a real name is no placeholder', yaml: pod('ghcr.io/acme/myapp:1.0') },
    { name: 'remote: template variables alone are unresolved-variable’s', yaml: pod('"${REGISTRY}/app:${TAG}"') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('REGISTRY_URL/webapi:1.0', { 'pullguard.dev/ignore': 'placeholder-registry' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('REGISTRY_URL/webapi:1.0'), ruleSettings: { 'placeholder-registry': 'off' } },
  ],
  invalid: [
    // The incident's cloud copy of the manifests.
    ...invalidAtEveryPlacement('REGISTRY_URL/monadic-pipeline-webapi:latest', {
      message: PLACEHOLDER('REGISTRY_URL/monadic-pipeline-webapi:latest', 'REGISTRY_URL', 'a documentation placeholder'),
    }),
    {
      name: 'aks: exact finding with the target’s shipping advice',
      target: 'aks',
      yaml: pod('REGISTRY_URL/webapi:latest'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'error',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'REGISTRY_URL/webapi:latest',
          message: PLACEHOLDER('REGISTRY_URL/webapi:latest', 'REGISTRY_URL', 'a documentation placeholder'),
          remediation:
            'Replace the placeholder with the registry and name the image was pushed to. Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`.',
        },
      ],
    },
    {
      name: 'remote: <your-registry>',
      yaml: pod('"<your-registry>/app:1.0"'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('<your-registry>/app:1.0', '<your-registry>', 'an angle-bracket placeholder') }],
    },
    {
      name: 'remote: example.com (RFC 2606)',
      yaml: pod('registry.example.com/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('registry.example.com/app:1.0', 'registry.example.com', 'a domain reserved for documentation (RFC 2606)') }],
    },
    {
      name: 'remote: example.com with a port',
      yaml: pod('example.com:5000/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('example.com:5000/app:1.0', 'example.com:5000', 'a domain reserved for documentation (RFC 2606)') }],
    },
    {
      name: 'remote: the registry name of Azure examples',
      yaml: pod('myregistry.azurecr.io/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('myregistry.azurecr.io/app:1.0', 'myregistry', 'the registry name used in documentation examples') }],
    },
    {
      name: 'remote: Contoso',
      yaml: pod('contoso.azurecr.io/app:v1'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('contoso.azurecr.io/app:v1', 'contoso', 'a Microsoft documentation company name') }],
    },
    {
      name: 'remote: the AWS documentation account id',
      yaml: pod('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', '123456789012', 'an AWS documentation example account id') }],
    },
    {
      name: 'remote: aws_account_id and region placeholders in an ECR host',
      yaml: pod('aws_account_id.dkr.ecr.region.amazonaws.com/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"aws_account_id.dkr.ecr.region.amazonaws.com/app:1.0" still contains the placeholder "aws_account_id" (and "region"), not a 12-digit AWS account id: no registry serves it, so the pull fails',
        },
      ],
    },
    {
      name: 'remote: Knative’s docker.io/{username}',
      yaml: pod('docker.io/{username}/helloworld-go'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('docker.io/{username}/helloworld-go', '{username}', 'a brace placeholder') }],
    },
    {
      name: 'remote: gcr.io/PROJECT_ID',
      yaml: pod('gcr.io/PROJECT_ID/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('gcr.io/PROJECT_ID/app:1.0', 'PROJECT_ID', 'a documentation placeholder') }],
    },
    {
      name: 'remote: your-dockerhub-username',
      yaml: pod('your-dockerhub-username/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('your-dockerhub-username/app:1.0', 'your-dockerhub-username', 'a "your-…" documentation placeholder') }],
    },
    {
      name: 'remote: more than one placeholder is listed once',
      yaml: pod('REGISTRY/IMAGE:TAG'),
      errors: [{ line: 8, column: 14, message: '"REGISTRY/IMAGE:TAG" still contains the placeholder "REGISTRY" (and "IMAGE", "TAG"), an upper-case placeholder: no registry serves it, so the pull fails' }],
    },
    {
      name: 'remote: a placeholder next to a template variable',
      yaml: pod('"${REGISTRY}/app:TAG"'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('${REGISTRY}/app:TAG', 'TAG', 'an upper-case placeholder') }],
    },
    {
      name: 'kind: a placeholder fails on local targets too',
      target: 'kind',
      yaml: pod('<image>'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('<image>', '<image>', 'an angle-bracket placeholder'), remediation: /^Replace the placeholder with the registry and name the image was pushed to\. Load the image into the nodes with `kind load docker-image/ }],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: pod('REGISTRY_URL/webapi:1.0'),
      ruleSettings: { 'placeholder-registry': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: PLACEHOLDER('REGISTRY_URL/webapi:1.0', 'REGISTRY_URL', 'a documentation placeholder') }],
    },
  ],
});
