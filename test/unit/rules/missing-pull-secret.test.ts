import { rule } from '../../../src/rules/missing-pull-secret.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const ACR = 'the Azure Container Registry registries (anonymous pull is an opt-in of Standard and Premium registries)';
const ECR = 'Amazon ECR private registries (every pull needs a token, valid 12 hours)';
const NO_SECRETS = (account = 'default', listed = false): string =>
  `neither the pod nor its ServiceAccount "${account}"${listed ? '' : ' (not among these manifests)'} lists imagePullSecrets`;
const FAILS = (target = 'a remote cluster'): string => `on ${target} the kubelet pulls without credentials and fails with 401 Unauthorized (ErrImagePull)`;

/** A ServiceAccount document to append after a workload (`---` included). */
function serviceAccount(name: string, secrets: readonly string[], namespace?: string): string {
  return [
    '---',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    ...(secrets.length === 0 ? [] : ['imagePullSecrets:', ...secrets.map((s) => `  - name: ${s}`)]),
    '',
  ].join('\n');
}

/** A Deployment pulling `image` in namespace `shop`; `podSpec` are extra pod-spec lines. */
function shopDeployment(name: string, image: string, podSpec: readonly string[] = []): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    'spec:',
    '  template:',
    '    spec:',
    ...podSpec.map((line) => `      ${line}`),
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    '',
  ].join('\n');
}

ruleTester(rule, {
  valid: [
    // Issue 9: a registry pullguard cannot judge (Linkerd's public one) is not a lint finding; check asks it.
    { name: 'remote: an unknown registry without evidence of the run', yaml: pod('docker.l5d.io/linkerd/proxy:stable-2.14.10') },
    { name: 'remote: a company registry without evidence of the run', yaml: pod('registry.acme.internal/team/app:1.0') },
    // Node identity: the targets whose nodes read these registries without secrets.
    ...validAtEveryPlacement('myteam.azurecr.io/webapi:1.0', { target: 'aks' }),
    { yaml: pod('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1'), target: 'eks' },
    { yaml: pod('961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon-k8s-cni:v1.23.1'), target: 'eks' },
    { name: 'eks: FIPS ECR endpoints are read by node identity too', yaml: pod('602401143452.dkr.ecr-fips.us-east-1.amazonaws.com/amazon-k8s-cni:v1.23.1'), target: 'eks' },
    { yaml: pod('us-central1-docker.pkg.dev/acme/app/web:1.0'), target: 'gke' },
    { yaml: pod('gcr.io/acme-prod/web:1.0'), target: 'gke' },
    { yaml: pod('image-registry.openshift-image-registry.svc:5000/shop/web:1.0'), target: 'openshift' },
    // Public registries, and shared ones without evidence of a private owner.
    { yaml: pod('registry.k8s.io/pause:3.10') },
    { yaml: pod('mcr.microsoft.com/oss/bitnami/redis:6.0.8') },
    { yaml: pod('public.ecr.aws/nginx/nginx:1.27') },
    { name: 'remote: Docker Hub mixes public and private repositories', yaml: pod('acme/web:1.0') },
    { name: 'remote: ghcr.io without other evidence', yaml: pod('ghcr.io/acme/web:1.0') },
    { name: 'remote: a registry on the developer’s machine is another rule’s', yaml: pod('localhost:5000/web:1.0') },
    { name: 'remote: placeholders are placeholder-registry’s', yaml: pod('myregistry.azurecr.io/web:1.0') },
    // Secrets present.
    { name: 'remote: imagePullSecrets on the pod', yaml: pod('myteam.azurecr.io/webapi:1.0').replace('spec:\n', 'spec:\n  imagePullSecrets:\n    - name: acr\n') },
    {
      name: 'remote: imagePullSecrets on the default ServiceAccount of the same apply',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0') + serviceAccount('default', ['acr'], 'shop'),
    },
    {
      name: 'remote: imagePullSecrets on the named ServiceAccount (without a namespace: it goes wherever it is applied)',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0', ['serviceAccountName: web']) + serviceAccount('web', ['acr']),
    },
    {
      name: 'remote: the deprecated serviceAccount field names the account too',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0', ['serviceAccount: web']) + serviceAccount('web', ['acr'], 'shop'),
    },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('myteam.azurecr.io/webapi:1.0', { 'pullguard.dev/ignore': 'missing-pull-secret' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('myteam.azurecr.io/webapi:1.0'), ruleSettings: { 'missing-pull-secret': 'off' } },
  ],
  invalid: [
    ...invalidAtEveryPlacement(
      'myteam.azurecr.io/webapi:1.0',
      { message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and ${NO_SECRETS()}: ${FAILS()}` },
      // A Tekton step or a KubeVirt disk gets its pull secrets from the object that runs it: valid above.
      { onlyWherePullSecretsKnown: true },
    ),
    {
      name: 'eks: exact finding for ACR, with the target that reads it by node identity',
      target: 'eks',
      yaml: pod('myteam.azurecr.io/webapi:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'warning',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'myteam.azurecr.io/webapi:1.0',
          message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and ${NO_SECRETS()}: ${FAILS('Amazon EKS')}`,
          remediation:
            'Create a pull secret (`kubectl create secret docker-registry regcred --docker-server=myteam.azurecr.io --docker-username=USER --docker-password=TOKEN`) and list it under imagePullSecrets of the pod template or of ServiceAccount "default". Azure Kubernetes Service nodes pull from myteam.azurecr.io by their own identity (lint with --target aks).',
        },
      ],
    },
    {
      name: 'aks: ECR needs a secret on AKS',
      target: 'aks',
      yaml: pod('602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1'),
      errors: [
        {
          line: 8,
          column: 14,
          message: `"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1" comes from 602401143452.dkr.ecr.us-west-2.amazonaws.com, one of ${ECR}, and ${NO_SECRETS()}: ${FAILS('Azure Kubernetes Service')}`,
          remediation: /--docker-server=602401143452\.dkr\.ecr\.us-west-2\.amazonaws\.com .* Amazon EKS nodes pull from 602401143452\.dkr\.ecr\.us-west-2\.amazonaws\.com by their own identity \(lint with --target eks\)\.$/,
        },
      ],
    },
    {
      name: 'kind: a local cluster has no cloud identity either',
      target: 'kind',
      yaml: pod('myteam.azurecr.io/webapi:1.0'),
      errors: [{ line: 8, column: 14, message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and ${NO_SECRETS()}: ${FAILS('kind')}` }],
    },
    {
      name: 'remote: a ServiceAccount of the run without imagePullSecrets',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0', ['serviceAccountName: web']) + serviceAccount('web', [], 'shop'),
      errors: [
        {
          line: 12,
          column: 18,
          message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and ${NO_SECRETS('web', true)}: ${FAILS()}`,
          remediation: /^Create a pull secret \(`kubectl create secret docker-registry regcred --docker-server=myteam\.azurecr\.io --docker-username=USER --docker-password=TOKEN -n shop`\) and list it under imagePullSecrets of the pod template or of ServiceAccount "web"\./,
        },
      ],
    },
    {
      // Admission copies the account's list only when the pod's is empty; kubelet then skips the
      // unnamed entry: no secret at all (check says the same: test/unit/credentials/pod-pull-secrets.test.ts).
      name: 'remote: an unnamed pod entry keeps the ServiceAccount\'s secrets away',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0', ['imagePullSecrets: [{ name: "" }]']) + serviceAccount('default', ['regcred'], 'shop'),
      errors: [
        {
          line: 12,
          column: 18,
          message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and the pod's imagePullSecrets name no secret (kubelet skips unnamed entries), so those of its ServiceAccount "default" are not used: ${FAILS()}`,
        },
      ],
    },
    {
      name: 'remote: a ServiceAccount with secrets in another namespace does not count',
      yaml: shopDeployment('web', 'myteam.azurecr.io/webapi:1.0') + serviceAccount('default', ['acr'], 'other'),
      errors: [{ line: 11, column: 18, message: `"myteam.azurecr.io/webapi:1.0" comes from myteam.azurecr.io, one of ${ACR}, and ${NO_SECRETS()}: ${FAILS()}` }],
    },
    {
      name: 'remote: a shared registry, with another workload of the run pulling from the same owner with a secret',
      yaml: shopDeployment('api', 'ghcr.io/acme/api:1.0', ['imagePullSecrets: [{ name: ghcr-pull }]']) + '---\n' + shopDeployment('web', 'ghcr.io/acme/web:1.0') + '---\n' + shopDeployment('proxy', 'ghcr.io/other/proxy:1.0'),
      errors: [
        {
          line: 24,
          column: 18,
          container: 'web',
          message: `"ghcr.io/acme/web:1.0" comes from ghcr.io/acme, which other workloads here pull with imagePullSecrets (ghcr-pull in Deployment/api), and ${NO_SECRETS()}: ${FAILS()}`,
        },
      ],
    },
  ],
});
