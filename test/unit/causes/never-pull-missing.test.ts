// Message from docs/causes/never-pull-missing.md (kubelet image_manager.go). The remediation is
// built per target (the never-pull-on-remote rule uses it), each thing said once.
import { describeCause } from './cause-tester.js';

describeCause('never-pull-missing', {
  meta: { vantage: 'node', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['ErrImageNeverPull'] },
  messages: ['Container image "webapi:latest" is not present with pull policy of Never'],
  lookalikes: [{ message: 'Back-off pulling image "webapi:latest"', cause: 'unknown' }],
  remediation: [
    {
      // Issue 7: the remote profile's advice repeated the sentence ("Push ... Push the image ...").
      name: 'remote: said once, with the private-registry note',
      context: { image: 'webapi:latest', registry: 'docker.io', sendsCredentials: false },
      expected:
        'Push "webapi:latest" to a registry the nodes can pull from, reference it by that registry\'s name and set imagePullPolicy: IfNotPresent (or remove the field). Add imagePullSecrets when the registry is private.',
    },
    {
      name: "aks: then the profile's own advice",
      context: { image: 'webapi:latest', registry: 'docker.io', sendsCredentials: false, target: 'aks' },
      expected:
        'Push "webapi:latest" to a registry the nodes can pull from, reference it by that registry\'s name and set imagePullPolicy: IfNotPresent (or remove the field). Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`.',
    },
    {
      name: 'no image string',
      context: { image: '', registry: '', sendsCredentials: false, target: 'eks' },
      expected:
        'Push the image to a registry the nodes can pull from, reference it by that registry\'s name and set imagePullPolicy: IfNotPresent (or remove the field). Log in with `aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com` and `docker push` to ECR; the nodes pull with their IAM role (it needs ECR read access), without pull secrets.',
    },
  ],
});
