// Message from docs/causes/never-pull-missing.md (kubelet image_manager.go). The remediation is
// built per target from the target's own advice, said once (issue 7: on remote targets the old
// text said "Push ... Push the image ...").
import { describeCause } from './cause-tester.js';

describeCause('never-pull-missing', {
  meta: { vantage: 'node', recurrence: 'deterministic', credentialIndependent: false, auth: false, reasons: ['ErrImageNeverPull'] },
  messages: ['Container image "webapi:latest" is not present with pull policy of Never'],
  lookalikes: [{ message: 'Back-off pulling image "webapi:latest"', cause: 'unknown' }],
  remediation: [
    {
      name: 'remote: the target says how to push, once',
      context: { image: 'webapi:latest', registry: 'docker.io', sendsCredentials: false },
      expected:
        "Push the image to a registry the nodes can reach (`docker push IMAGE`) and reference it by that registry's name; add imagePullSecrets when the registry is private. Then set imagePullPolicy: IfNotPresent on \"webapi:latest\" (or remove the field), so that the nodes pull it.",
    },
    {
      name: 'aks: az acr build',
      context: { image: 'webapi:latest', registry: 'docker.io', sendsCredentials: false, target: 'aks' },
      expected:
        'Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`. Then set imagePullPolicy: IfNotPresent on "webapi:latest" (or remove the field), so that the nodes pull it.',
    },
    {
      name: 'no image string',
      context: { image: '', registry: 'docker.io', sendsCredentials: false, target: 'eks' },
      expected:
        'Log in with `aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com` and `docker push` to ECR; the nodes pull with their IAM role (it needs ECR read access), without pull secrets. Then set imagePullPolicy: IfNotPresent on the image (or remove the field), so that the nodes pull it.',
    },
  ],
});
