import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TARGET_PROFILES, getTargetProfile } from '../../../src/detect/profiles.js';
import { TARGET_IDS } from '../../../src/detect/target-profile.js';
import type { ImageDelivery, TargetId } from '../../../src/detect/target-profile.js';
import { matchesHostGlob, matchesHostPattern } from '../../../src/images/host-glob.js';

describe('TARGET_PROFILES', () => {
  it('has exactly one profile per TargetId, keyed by its own id', () => {
    assert.deepEqual(Object.keys(TARGET_PROFILES).sort(), [...TARGET_IDS].sort());
    for (const id of TARGET_IDS) assert.equal(TARGET_PROFILES[id].id, id);
  });

  it('getTargetProfile finds every id and nothing else', () => {
    for (const id of TARGET_IDS) assert.equal(getTargetProfile(id), TARGET_PROFILES[id]);
    for (const id of ['', 'KIND', 'kind ', 'toString', '__proto__', 'constructor', 'docker']) assert.equal(getTargetProfile(id), undefined, id);
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(TARGET_PROFILES));
  });

  // [id, location, nodesSeeLocalImages, imageDelivery]
  const facts: Array<[TargetId, 'local' | 'remote', boolean, ImageDelivery]> = [
    ['kind', 'local', true, 'load-command'],
    ['minikube', 'local', true, 'load-command'],
    ['docker-desktop', 'local', true, 'shared-daemon'],
    ['k3d', 'local', true, 'load-command'],
    ['k3s', 'local', true, 'load-command'],
    ['microk8s', 'local', true, 'load-command'],
    ['rancher-desktop', 'local', true, 'shared-daemon'],
    ['orbstack', 'local', true, 'shared-daemon'],
    ['colima', 'local', true, 'shared-daemon'],
    ['aks', 'remote', false, 'push'],
    ['eks', 'remote', false, 'push'],
    ['gke', 'remote', false, 'push'],
    ['openshift', 'remote', false, 'push'],
    ['remote', 'remote', false, 'push'],
  ];
  for (const [id, location, sees, delivery] of facts) {
    it(`${id}: ${location}, ${delivery}, nodes ${sees ? 'see' : 'do not see'} local images`, () => {
      const p = TARGET_PROFILES[id];
      assert.deepEqual([p.location, p.nodesSeeLocalImages, p.imageDelivery], [location, sees, delivery]);
      assert.equal(p.loadCommand !== undefined, delivery === 'load-command', 'a load command exactly when delivery is load-command');
      assert.ok(p.howToShipImages.length > 20 && p.howToShipImages.endsWith('.'), 'guidance is one sentence');
      assert.ok(!p.howToShipImages.includes('\n'));
      assert.ok(p.displayName.length > 0);
    });
  }
});

describe('load commands', () => {
  // [id, image, cluster, command]
  const table: Array<[TargetId, string, string | undefined, string]> = [
    ['kind', 'myapp:dev', undefined, 'kind load docker-image myapp:dev'],
    ['kind', 'myapp:dev', 'dev', 'kind load docker-image myapp:dev --name dev'],
    ['minikube', 'myapp:dev', undefined, 'minikube image load myapp:dev'],
    ['minikube', 'myapp:dev', 'p2', 'minikube image load myapp:dev -p p2'],
    ['k3d', 'myapp:dev', undefined, 'k3d image import myapp:dev'],
    ['k3d', 'myapp:dev', 'k3s-default', 'k3d image import myapp:dev -c k3s-default'],
    ['k3s', 'myapp:dev', undefined, 'docker save myapp:dev | sudo k3s ctr images import -'],
    ['microk8s', 'myapp:dev', undefined, 'docker save myapp:dev | microk8s ctr image import -'],
    ['kind', `registry.local:5000/team/app@sha256:${'a'.repeat(64)}`, undefined, `kind load docker-image registry.local:5000/team/app@sha256:${'a'.repeat(64)}`],
    // Anything a shell would interpret is quoted.
    ['kind', 'myapp:dev', 'my cluster', "kind load docker-image myapp:dev --name 'my cluster'"],
    ['kind', "it's", undefined, "kind load docker-image 'it'\\''s'"],
    ['kind', 'myapp:dev', '', 'kind load docker-image myapp:dev'],
  ];
  for (const [id, image, cluster, command] of table) {
    it(`${id} ${image.slice(0, 30)}${cluster === undefined ? '' : ` (${cluster})`} → ${command.slice(0, 60)}`, () => {
      const load = TARGET_PROFILES[id].loadCommand;
      assert.ok(load);
      assert.equal(load(image, cluster), command);
    });
  }
});

describe('node-identity registries', () => {
  // [id, image domain/path, pulls without pull secrets]
  const table: Array<[TargetId, string, boolean]> = [
    ['aks', 'myreg.azurecr.io/team/app', true],
    ['aks', 'myreg.azurecr.cn/team/app', true],
    ['aks', 'myreg.azurecr.us/team/app', true],
    ['aks', 'azurecr.io/team/app', false],
    ['aks', 'ghcr.io/team/app', false],
    ['eks', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app', true],
    ['eks', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app', true],
    ['eks', 'public.ecr.aws/nginx/nginx', false],
    ['eks', 'myreg.azurecr.io/app', false],
    ['gke', 'europe-west1-docker.pkg.dev/project/repo/app', true],
    ['gke', 'gcr.io/project/app', true],
    ['gke', 'eu.gcr.io/project/app', true],
    ['gke', 'docker.io/library/nginx', false],
    ['openshift', 'image-registry.openshift-image-registry.svc:5000/ns/app', true],
    ['openshift', 'image-registry.openshift-image-registry.svc/ns/app', false],
    ['remote', 'myreg.azurecr.io/app', false],
    ['kind', 'gcr.io/project/app', false],
  ];
  for (const [id, target, expected] of table) {
    it(`${id}: ${target} → ${expected}`, () => {
      assert.equal(TARGET_PROFILES[id].nodeIdentityRegistries.some((glob) => matchesHostGlob(target, glob)), expected);
    });
  }
  it('only cloud profiles have node-identity registries', () => {
    const withIdentity = TARGET_IDS.filter((id) => TARGET_PROFILES[id].nodeIdentityRegistries.length > 0);
    assert.deepEqual(withIdentity, ['aks', 'eks', 'gke', 'openshift']);
  });
});

describe('local registry hosts', () => {
  const table: Array<[TargetId, string, boolean]> = [
    ['kind', 'localhost:5001', true],
    ['kind', 'localhost:5000', true],
    ['kind', 'kind-registry:5000', true],
    ['kind', 'localhost:32000', false],
    ['k3d', 'k3d-myregistry:5000', true],
    ['k3d', 'k3d-myregistry.localhost:12345', true],
    ['k3d', 'registry.localhost:5000', false],
    ['microk8s', 'localhost:32000', true],
    ['microk8s', 'localhost:5000', false],
    ['remote', 'localhost:5000', false],
    ['eks', 'k3d-myregistry:5000', false],
  ];
  for (const [id, host, expected] of table) {
    it(`${id}: ${host} → ${expected}`, () => {
      assert.equal(TARGET_PROFILES[id].localRegistryHosts.some((pattern) => matchesHostPattern(host, pattern)), expected);
    });
  }
});

describe('guidance names the exact commands', () => {
  const table: Array<[TargetId, string]> = [
    ['kind', '`kind load docker-image IMAGE --name CLUSTER`'],
    ['minikube', '`minikube image load IMAGE -p PROFILE`'],
    ['k3d', '`k3d image import IMAGE -c CLUSTER`'],
    ['k3s', '`docker save IMAGE | sudo k3s ctr images import -`'],
    ['microk8s', '`docker save IMAGE | microk8s ctr image import -`'],
    ['rancher-desktop', '`nerdctl -n k8s.io build`'],
    ['colima', '`colima nerdctl -- -n k8s.io build`'],
    ['aks', '`az acr build --registry REGISTRY --image IMAGE .`'],
    ['aks', '`az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`'],
    ['eks', '`aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com`'],
    ['gke', '`gcloud auth configure-docker REGION-docker.pkg.dev`'],
    ['openshift', 'image-registry.openshift-image-registry.svc:5000/NAMESPACE/IMAGE'],
    ['remote', '`docker push IMAGE`'],
  ];
  for (const [id, text] of table) it(`${id}: ${text}`, () => assert.ok(TARGET_PROFILES[id].howToShipImages.includes(text), TARGET_PROFILES[id].howToShipImages));
});
