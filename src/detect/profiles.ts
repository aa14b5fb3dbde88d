// What each `--target` knows without a cluster: how locally built images reach the nodes, which
// registries the nodes read by their own identity, and the guidance shown in remediations.
// Facts: each product's documentation on image delivery and node-identity registries; kind's
// local-registry guide (registry container `kind-registry`, port 5000 inside the cluster network,
// `localhost:5001` on the host; older guides used 5000), k3d's
// `k3d registry create NAME` (container `k3d-NAME`, random port unless `--port`), MicroK8s' registry
// addon (`localhost:32000`).

import type { TargetId, TargetProfile } from './target-profile.js';
import { TARGET_IDS } from './target-profile.js';

/** Leaves shell-safe words alone and single-quotes anything else, so a printed command can be pasted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function withFlag(command: string, flag: string, value: string | undefined): string {
  return value === undefined || value === '' ? command : `${command} ${flag} ${shellWord(value)}`;
}

const kind: TargetProfile = {
  id: 'kind',
  displayName: 'kind',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'load-command',
  loadCommand: (image, cluster) => withFlag(`kind load docker-image ${shellWord(image)}`, '--name', cluster),
  nodeIdentityRegistries: [],
  localRegistryHosts: ['localhost:5001', 'localhost:5000', 'kind-registry:5000'],
  howToShipImages:
    'Load the image into the nodes with `kind load docker-image IMAGE --name CLUSTER` (CLUSTER is the context name without "kind-"; without --name kind loads into the cluster named "kind"), or push it to the local registry advertised in kube-public/local-registry-hosting (kind\'s guide: localhost:5001).',
};

const minikube: TargetProfile = {
  id: 'minikube',
  displayName: 'minikube',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'load-command',
  loadCommand: (image, cluster) => withFlag(`minikube image load ${shellWord(image)}`, '-p', cluster),
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'Copy the image into the cluster with `minikube image load IMAGE -p PROFILE`, or build it inside minikube\'s daemon after `eval $(minikube docker-env -p PROFILE)` (docker runtime only).',
};

const dockerDesktop: TargetProfile = {
  id: 'docker-desktop',
  displayName: 'Docker Desktop',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'shared-daemon',
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'Build with the docker CLI pointed at Docker Desktop\'s daemon: its Kubernetes nodes use that daemon\'s images (the kind-mode cluster of Docker Desktop 4.38+ only with the containerd image store); keep imagePullPolicy IfNotPresent or Never for local tags.',
};

const k3d: TargetProfile = {
  id: 'k3d',
  displayName: 'k3d',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'load-command',
  loadCommand: (image, cluster) => withFlag(`k3d image import ${shellWord(image)}`, '-c', cluster),
  nodeIdentityRegistries: [],
  localRegistryHosts: ['k3d-*', 'k3d-*.localhost'],
  howToShipImages:
    'Import the image into the nodes with `k3d image import IMAGE -c CLUSTER` (CLUSTER is the context name without "k3d-"), or push it to a k3d-managed registry (`k3d registry create NAME` creates k3d-NAME; attach it with `k3d cluster create --registry-use k3d-NAME:PORT`).',
};

const k3s: TargetProfile = {
  id: 'k3s',
  displayName: 'K3s',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'load-command',
  loadCommand: (image) => `docker save ${shellWord(image)} | sudo k3s ctr images import -`,
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'On every node, import the image into k3s\' containerd with `docker save IMAGE | sudo k3s ctr images import -`, or drop the tarball into /var/lib/rancher/k3s/agent/images/, or push it to a registry configured in /etc/rancher/k3s/registries.yaml.',
};

const microk8s: TargetProfile = {
  id: 'microk8s',
  displayName: 'MicroK8s',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'load-command',
  loadCommand: (image) => `docker save ${shellWord(image)} | microk8s ctr image import -`,
  nodeIdentityRegistries: [],
  localRegistryHosts: ['localhost:32000'],
  howToShipImages:
    'Import the image with `docker save IMAGE | microk8s ctr image import -` on every node, or enable the registry addon (`microk8s enable registry`) and push to localhost:32000.',
};

const rancherDesktop: TargetProfile = {
  id: 'rancher-desktop',
  displayName: 'Rancher Desktop',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'shared-daemon',
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'With the dockerd (moby) engine, build with docker against Rancher Desktop\'s socket and the nodes see the image; with the containerd engine, build into the cluster\'s namespace with `nerdctl -n k8s.io build`, or push to a registry.',
};

const orbstack: TargetProfile = {
  id: 'orbstack',
  displayName: 'OrbStack',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'shared-daemon',
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'Build with docker against OrbStack\'s daemon (~/.orbstack/run/docker.sock): its Kubernetes node uses the same images; keep imagePullPolicy IfNotPresent or Never for local tags.',
};

const colima: TargetProfile = {
  id: 'colima',
  displayName: 'Colima',
  location: 'local',
  nodesSeeLocalImages: true,
  imageDelivery: 'shared-daemon',
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'With the docker runtime, build with docker against the same Colima profile\'s socket and the node sees the image; with the containerd runtime, build with `colima nerdctl -- -n k8s.io build`, or push to a registry.',
};

const aks: TargetProfile = {
  id: 'aks',
  displayName: 'Azure Kubernetes Service',
  location: 'remote',
  nodesSeeLocalImages: false,
  imageDelivery: 'push',
  nodeIdentityRegistries: ['*.azurecr.io', '*.azurecr.cn', '*.azurecr.us'],
  localRegistryHosts: [],
  howToShipImages:
    'Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`.',
};

const eks: TargetProfile = {
  id: 'eks',
  displayName: 'Amazon EKS',
  location: 'remote',
  nodesSeeLocalImages: false,
  imageDelivery: 'push',
  nodeIdentityRegistries: ['*.dkr.ecr.*.amazonaws.com', '*.dkr.ecr-fips.*.amazonaws.com', '*.dkr.ecr.*.amazonaws.com.cn'],
  localRegistryHosts: [],
  howToShipImages:
    'Log in with `aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com` and `docker push` to ECR; the nodes pull with their IAM role (it needs ECR read access), without pull secrets.',
};

const gke: TargetProfile = {
  id: 'gke',
  displayName: 'Google Kubernetes Engine',
  location: 'remote',
  nodesSeeLocalImages: false,
  imageDelivery: 'push',
  nodeIdentityRegistries: ['*-docker.pkg.dev', 'gcr.io', '*.gcr.io'],
  localRegistryHosts: [],
  howToShipImages:
    'Run `gcloud auth configure-docker REGION-docker.pkg.dev` and `docker push REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE`; the nodes pull with their service account (it needs Artifact Registry Reader), without pull secrets.',
};

const openshift: TargetProfile = {
  id: 'openshift',
  displayName: 'OpenShift',
  location: 'remote',
  nodesSeeLocalImages: false,
  imageDelivery: 'push',
  nodeIdentityRegistries: ['image-registry.openshift-image-registry.svc:5000'],
  localRegistryHosts: [],
  howToShipImages:
    'Build in the cluster (`oc new-build`, `oc start-build`) or push to the internal registry through its route (`oc registry login`, host from `oc registry info --public`), and reference it as image-registry.openshift-image-registry.svc:5000/NAMESPACE/IMAGE.',
};

const remote: TargetProfile = {
  id: 'remote',
  displayName: 'remote cluster',
  location: 'remote',
  nodesSeeLocalImages: false,
  imageDelivery: 'push',
  nodeIdentityRegistries: [],
  localRegistryHosts: [],
  howToShipImages:
    'Push the image to a registry the nodes can reach (`docker push IMAGE`) and reference it by that registry\'s name; add imagePullSecrets when the registry is private.',
};

export const TARGET_PROFILES: Readonly<Record<TargetId, TargetProfile>> = Object.freeze({
  kind,
  minikube,
  'docker-desktop': dockerDesktop,
  k3d,
  k3s,
  microk8s,
  'rancher-desktop': rancherDesktop,
  orbstack,
  colima,
  aks,
  eks,
  gke,
  openshift,
  remote,
});

export function getTargetProfile(id: string): TargetProfile | undefined {
  return (TARGET_IDS as readonly string[]).includes(id) ? TARGET_PROFILES[id as TargetId] : undefined;
}
