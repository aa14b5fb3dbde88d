import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlaceholders } from '../../../src/images/find-placeholders.js';
import { findTemplateVariables } from '../../../src/images/find-template-variables.js';

describe('findPlaceholders', () => {
  const found: [string, [text: string, offset: number][]][] = [
    ['REGISTRY_URL/monadic-pipeline:latest', [['REGISTRY_URL', 0]]],
    ['<your-registry>/app:1.0', [['<your-registry>', 0]]],
    ['<image>', [['<image>', 0]]],
    ['<acrName>.azurecr.io/app:v1', [['<acrName>', 0]]],
    ['docker.io/{username}/helloworld-go', [['{username}', 10]]],
    ['docker.io/{DOCKER_HUB_USERNAME}/gitwebhook-go:latest', [['{DOCKER_HUB_USERNAME}', 10]]],
    ['your-registry.example.com/app:1.0', [['your-registry.example.com', 0]]],
    ['registry.example.com/team/app:1.0', [['registry.example.com', 0]]],
    ['example.com/app', [['example.com', 0]]],
    ['registry.example.org:5000/app', [['registry.example.org:5000', 0]]],
    ['registry.test/app', [['registry.test', 0]]],
    ['myregistry.azurecr.io/app:v1', [['myregistry', 0]]],
    ['myacr.azurecr.io/app:v1', [['myacr', 0]]],
    ['mycontainerregistry.azurecr.io/app:v1', [['mycontainerregistry', 0]]],
    ['contoso.azurecr.io/app:v1', [['contoso', 0]]],
    ['yourregistry.azurecr.io/app:v1', [['yourregistry', 0]]],
    ['your-dockerhub-username/app:1.0', [['your-dockerhub-username', 0]]],
    ['username/app:1.0', [['username', 0]]],
    ['aws_account_id.dkr.ecr.region.amazonaws.com/app:latest', [['aws_account_id', 0], ['region', 23]]],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', [['123456789012', 0]]],
    ['xxxxxxxxxxxx.dkr.ecr.eu-west-1.amazonaws.com/app:1.0', [['xxxxxxxxxxxx', 0]]],
    ['LOCATION-docker.pkg.dev/PROJECT_ID/REPOSITORY/IMAGE:TAG', [['LOCATION', 0], ['PROJECT_ID', 24], ['REPOSITORY', 35], ['IMAGE', 46], ['TAG', 52]]],
    ['gcr.io/PROJECT-ID/app', [['PROJECT-ID', 7]]],
    ['gcr.io/my-project/app:1.0', [['my-project', 7]]],
    ['acme/app:CHANGEME', [['CHANGEME', 9]]],
    ['acme/app:changeme', [['changeme', 9]]],
    ['acme/app:VERSION', [['VERSION', 9]]],
    ['acme/app:IMAGE_TAG', [['IMAGE_TAG', 9]]],
    ['TODO/app', [['TODO', 0]]],
    ['XXX/app:1.0', [['XXX', 0]]],
    ['MYREGISTRY/app', [['MYREGISTRY', 0]]],
  ];
  for (const [image, expected] of found) {
    it(`finds ${expected.map((e) => e[0]).join(', ')} in ${image}`, () => {
      assert.deepEqual(
        findPlaceholders(image).map((p) => [p.text, p.offset]),
        expected,
      );
    });
  }

  // Real images from the corpus and elsewhere that must not be taken for placeholders.
  const none = [
    'nginx', 'yourls:1.9', 'registry:2', 'myapp:1.0', 'mycompany.azurecr.io/app:1.0', 'acme/todo-app:1.0', 'acme/todo:1.0',
    'NGINX:1.0', 'MyApp:1.0', 'app:LATEST', 'app:1.0-SNAPSHOT', 'app:RC1', 'app:v1.0-RC1',
    '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1',
    '151742754352.dkr.ecr.us-gov-east-1.amazonaws.com/amazon-k8s-cni:v1.23.1',
    '961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon-k8s-cni:v1.23.1',
    'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend:v0.10.6',
    'fake.docker.io/google-samples/hello-go-gke:1.0', 'registry.istio.io/release/examples-helloworld-v1',
    'quay.io/metallb/speaker:main', 'jaegertracing/vertx-create-span:operator-e2e-tests', 'localhost:5000/app:1.0',
    '172.30.17.139:5000/test/origin-ruby-sample:73214fafa244cb8abbe55273dac5d237a589a5fc7ac09926a1756a42c21e8a58',
    'mcr.microsoft.com/azuredocs/azure-vote-front:v1', 'ghcr.io/dapr/samples/hello-k8s-node:latest',
    'docker.io/envoyproxy/ratelimit:30a4ce1a', 'gcr.io/google-samples/gb-frontend:v5',
  ];
  for (const image of none) {
    it(`finds nothing in ${image}`, () => assert.deepEqual(findPlaceholders(image), []));
  }

  it('leaves template variables to unresolved-variable', () => {
    const image = '${REGISTRY}/app:{{ .Values.tag }}';
    assert.deepEqual(findPlaceholders(image, findTemplateVariables(image)), []);
    const both = '<your-registry>/app:${TAG}';
    assert.deepEqual(findPlaceholders(both, findTemplateVariables(both)).map((p) => p.text), ['<your-registry>']);
  });

  it('says why', () => {
    assert.equal(findPlaceholders('registry.example.com/app')[0]!.reason, 'a domain reserved for documentation (RFC 2606)');
    assert.equal(findPlaceholders('123456789012.dkr.ecr.us-east-1.amazonaws.com/app')[0]!.reason, 'an AWS documentation example account id');
    assert.equal(findPlaceholders('aws_account_id.dkr.ecr.region.amazonaws.com/app')[1]!.reason, 'not an AWS region');
  });
});
