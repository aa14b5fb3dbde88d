import { rule } from '../../../src/rules/placeholder-registry.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const PLACEHOLDER = (image: string, placeholder: string, reason: string): string =>
  `"${image}" still contains the placeholder "${placeholder}", ${reason}: no registry serves it, so the pull fails`;
const LOOKS_LIKE = (image: string, placeholder: string, reason: string): string =>
  `"${image}" looks like it holds the placeholder "${placeholder}" (${reason}): if that is not your real registry or account, no registry serves it and the pull fails`;

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
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('registry.example.com/webapi:1.0', { 'pullguard.dev/ignore': 'placeholder-registry' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('registry.example.com/webapi:1.0'), ruleSettings: { 'placeholder-registry': 'off' } },
    // Issue 9: the kubelet refuses these (InvalidImageName); invalid-image-reference reports them once, naming the placeholder.
    { name: 'remote: REGISTRY_URL is invalid-image-reference’s', yaml: pod('REGISTRY_URL/monadic-pipeline-webapi:latest') },
    { name: 'remote: <your-registry> is invalid-image-reference’s', yaml: pod('"<your-registry>/app:1.0"') },
    { name: 'remote: Knative’s docker.io/{username} is invalid-image-reference’s', yaml: pod('docker.io/{username}/helloworld-go') },
    { name: 'remote: gcr.io/PROJECT_ID is invalid-image-reference’s', yaml: pod('gcr.io/PROJECT_ID/app:1.0') },
    { name: 'remote: MyRegistry.io/WebApi:1.0 is invalid-image-reference’s', yaml: pod('MyRegistry.io/WebApi:1.0') },
  ],
  invalid: [
    ...invalidAtEveryPlacement('your-registry.azurecr.io/monadic-pipeline-webapi:latest', {
      message: PLACEHOLDER('your-registry.azurecr.io/monadic-pipeline-webapi:latest', 'your-registry', 'a "your-…" documentation placeholder'),
    }),
    {
      name: 'aks: exact finding with the target’s shipping advice',
      target: 'aks',
      yaml: pod('registry.example.com/webapi:latest'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'error',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'registry.example.com/webapi:latest',
          message: PLACEHOLDER('registry.example.com/webapi:latest', 'registry.example.com', 'a domain reserved for documentation (RFC 2606)'),
          remediation:
            'Replace the placeholder with the registry and name the image was pushed to. Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`.',
        },
      ],
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
      // Real until proven otherwise (issue 9): a warning that says "looks like".
      name: 'remote: the registry name of Azure examples looks like a placeholder',
      yaml: pod('myregistry.azurecr.io/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'warning',
          message: LOOKS_LIKE('myregistry.azurecr.io/app:1.0', 'myregistry', 'the registry name used in documentation examples'),
          remediation: 'Check that "myregistry" is the registry or account the image was pushed to; if it is, ignore this finding for the object (pullguard.dev/ignore: placeholder-registry).',
        },
      ],
    },
    {
      name: 'remote: Contoso looks like a placeholder',
      yaml: pod('contoso.azurecr.io/app:v1'),
      errors: [{ line: 8, column: 14, severity: 'warning', message: LOOKS_LIKE('contoso.azurecr.io/app:v1', 'contoso', 'named after a Microsoft documentation company') }],
    },
    {
      name: 'remote: contosoacr.azurecr.io is real until proven otherwise',
      yaml: pod('contosoacr.azurecr.io/app:v1'),
      errors: [{ line: 8, column: 14, severity: 'warning', message: LOOKS_LIKE('contosoacr.azurecr.io/app:v1', 'contosoacr', 'named after a Microsoft documentation company') }],
    },
    {
      name: 'remote: a Docker Hub account called username',
      yaml: pod('docker.io/username/app:1.0'),
      errors: [{ line: 8, column: 14, severity: 'warning', message: LOOKS_LIKE('docker.io/username/app:1.0', 'username', 'a word documentation uses for a value to fill in') }],
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
      name: 'remote: your-dockerhub-username',
      yaml: pod('your-dockerhub-username/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('your-dockerhub-username/app:1.0', 'your-dockerhub-username', 'a "your-…" documentation placeholder') }],
    },
    {
      name: 'remote: more than one placeholder is listed once',
      yaml: pod('your-registry.azurecr.io/app:changeme'),
      errors: [{ line: 8, column: 14, message: '"your-registry.azurecr.io/app:changeme" still contains the placeholder "your-registry" (and "changeme"), a "your-…" documentation placeholder: no registry serves it, so the pull fails' }],
    },
    {
      name: 'remote: a placeholder next to a template variable',
      yaml: pod('"${REGISTRY}/app:TAG"'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('${REGISTRY}/app:TAG', 'TAG', 'an upper-case placeholder') }],
    },
    {
      name: 'kind: a placeholder fails on local targets too',
      target: 'kind',
      yaml: pod('registry.example.com/app:1.0'),
      errors: [{ line: 8, column: 14, message: PLACEHOLDER('registry.example.com/app:1.0', 'registry.example.com', 'a domain reserved for documentation (RFC 2606)'), remediation: /^Replace the placeholder with the registry and name the image was pushed to\. Load the image into the nodes with `kind load docker-image/ }],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: pod('registry.example.com/webapi:1.0'),
      ruleSettings: { 'placeholder-registry': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: PLACEHOLDER('registry.example.com/webapi:1.0', 'registry.example.com', 'a domain reserved for documentation (RFC 2606)') }],
    },
  ],
});
