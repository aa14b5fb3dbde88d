// Where each kind keeps its images, as data: the one table that find-image-sites.ts walks and that
// docs/image-sites.md lists (a test keeps the two in step). Kinds not listed here get the pod-spec
// shape walk and the conservative fallback (find-image-sites.ts). Field names come from each
// project's API types, cited per entry; a `*` segment stands for every item of a list.

/** Where the pull policy of a single-image site is written. */
export type PullPolicyAt =
  /** `imagePullPolicy` beside `image`. */
  | 'own'
  /** A field at this path from the object root (Spark, Flink: one policy for several images). */
  | readonly string[];

export type SiteShape =
  /** A PodSpec: its `containers`, `initContainers` and `ephemeralContainers`. */
  | 'pod'
  /** One container-like object (`image`, `imagePullPolicy`). */
  | 'container'
  /** A list of container-like objects. */
  | 'containers'
  /** An object holding an `image` string, with its pull policy where the kind has one. */
  | 'image';

export interface SiteSpec {
  /** Path from the object root to the pod spec, container, list or holder of `image`. */
  readonly at: readonly string[];
  readonly shape: SiteShape;
  /** What the site is called in findings and docs (`steps`, `containerDisk`, `driver`...); for `pod`, unused. */
  readonly group?: string;
  /** For `image` sites: where the pull policy is; absent when the kind has none (the tag's default applies). */
  readonly pullPolicy?: PullPolicyAt;
  /** Only when the holder's field has this value (Strimzi `build.output.type: docker`). */
  readonly onlyIf?: { readonly key: string; readonly equals: string };
}

export interface KindEntry {
  /** API group (`''` for the core group). */
  readonly group: string;
  readonly kinds: readonly string[];
  /** Project and the API types the paths were read from. */
  readonly project: string;
  readonly source: string;
  readonly sites: readonly SiteSpec[];
  /**
   * For sites outside a pod spec: the path of the object whose `serviceAccountName` and
   * `imagePullSecrets` their pods use, when the kind has one (Argo's WorkflowSpec); without it, rules
   * that need the pod's pull secrets skip those sites.
   */
  readonly pullSecretsAt?: readonly string[];
}

const pod = (...at: string[]): SiteSpec => ({ at, shape: 'pod' });

function argoTemplates(...templates: string[]): SiteSpec[] {
  const t = [...templates, '*'];
  return [
    { at: [...t, 'container'], shape: 'container', group: 'container' },
    { at: [...t, 'script'], shape: 'container', group: 'script' },
    { at: [...t, 'initContainers'], shape: 'containers', group: 'initContainers' },
    { at: [...t, 'sidecars'], shape: 'containers', group: 'sidecars' },
    { at: [...t, 'containerSet', 'containers'], shape: 'containers', group: 'containerSet' },
  ];
}

function tektonTaskSpec(...spec: string[]): SiteSpec[] {
  return [
    { at: [...spec, 'steps'], shape: 'containers', group: 'steps' },
    { at: [...spec, 'sidecars'], shape: 'containers', group: 'sidecars' },
    { at: [...spec, 'stepTemplate'], shape: 'container', group: 'stepTemplate' },
  ];
}

function kubevirtVmiSpec(...spec: string[]): SiteSpec[] {
  return [
    { at: [...spec, 'volumes', '*', 'containerDisk'], shape: 'image', group: 'containerDisk', pullPolicy: 'own' },
    { at: [...spec, 'domain', 'firmware', 'kernelBoot', 'container'], shape: 'image', group: 'kernelBoot', pullPolicy: 'own' },
  ];
}

function sparkApplicationSpec(...spec: string[]): SiteSpec[] {
  const policy = [...spec, 'imagePullPolicy'];
  const podSpec = (role: string): SiteSpec[] => [
    { at: [...spec, role], shape: 'image', group: role, pullPolicy: policy },
    { at: [...spec, role, 'initContainers'], shape: 'containers', group: 'initContainers' },
    { at: [...spec, role, 'sidecars'], shape: 'containers', group: 'sidecars' },
  ];
  return [{ at: spec, shape: 'image', group: 'spec', pullPolicy: policy }, ...podSpec('driver'), ...podSpec('executor')];
}

const KUBERNETES_TYPES = 'kubernetes/api core/v1, apps/v1, batch/v1 types.go';

export const IMAGE_SITE_TABLE: readonly KindEntry[] = [
  { group: '', kinds: ['Pod'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('spec')] },
  { group: '', kinds: ['PodTemplate'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('template', 'spec')] },
  { group: '', kinds: ['ReplicationController'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('spec', 'template', 'spec')] },
  {
    group: 'apps',
    kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
    project: 'Kubernetes',
    source: KUBERNETES_TYPES,
    sites: [pod('spec', 'template', 'spec')],
  },
  // apps/v1beta* moved here from extensions/v1beta1, removed in Kubernetes 1.16 but still in old manifests.
  { group: 'extensions', kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('spec', 'template', 'spec')] },
  { group: 'batch', kinds: ['Job'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('spec', 'template', 'spec')] },
  { group: 'batch', kinds: ['CronJob'], project: 'Kubernetes', source: KUBERNETES_TYPES, sites: [pod('spec', 'jobTemplate', 'spec', 'template', 'spec')] },
  {
    // WorkflowSpec.Templates; Template.{Container, Script, InitContainers, Sidecars, ContainerSet};
    // ScriptTemplate, UserContainer and ContainerNode embed apiv1.Container inline.
    group: 'argoproj.io',
    kinds: ['Workflow'],
    project: 'Argo Workflows',
    source: 'argoproj/argo-workflows pkg/apis/workflow/v1alpha1/workflow_types.go, container_set_template_types.go',
    sites: argoTemplates('spec', 'templates'),
    // WorkflowSpec.{ServiceAccountName, ImagePullSecrets} apply to every pod of the workflow.
    pullSecretsAt: ['spec'],
  },
  {
    // A template's pods get the service account and pull secrets of the Workflow that runs it.
    group: 'argoproj.io',
    kinds: ['WorkflowTemplate', 'ClusterWorkflowTemplate'],
    project: 'Argo Workflows',
    source: 'argoproj/argo-workflows pkg/apis/workflow/v1alpha1/workflow_template_types.go (Spec is a WorkflowSpec)',
    sites: argoTemplates('spec', 'templates'),
  },
  {
    group: 'argoproj.io',
    kinds: ['CronWorkflow'],
    project: 'Argo Workflows',
    source: 'argoproj/argo-workflows pkg/apis/workflow/v1alpha1/cron_workflow_types.go (CronWorkflowSpec.WorkflowSpec)',
    sites: argoTemplates('spec', 'workflowSpec', 'templates'),
    pullSecretsAt: ['spec', 'workflowSpec'],
  },
  {
    group: 'argoproj.io',
    kinds: ['Rollout'],
    project: 'Argo Rollouts',
    source: 'argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (RolloutSpec.Template)',
    sites: [pod('spec', 'template', 'spec')],
  },
  {
    // Images set by ImageChange triggers are image-managed-elsewhere.ts's business; listing the kind
    // keeps the fallback away from imageChangeParams.lastTriggeredImage. Old templates say `v1`.
    group: 'apps.openshift.io',
    kinds: ['DeploymentConfig'],
    project: 'OpenShift',
    source: 'openshift/api apps/v1/types.go (DeploymentConfigSpec.Template)',
    sites: [pod('spec', 'template', 'spec')],
  },
  { group: '', kinds: ['DeploymentConfig'], project: 'OpenShift', source: 'openshift/api apps/v1/types.go (legacy apiVersion v1)', sites: [pod('spec', 'template', 'spec')] },
  {
    // TaskSpec.{Steps, Sidecars, StepTemplate}; Step, Sidecar and StepTemplate carry Image and ImagePullPolicy.
    group: 'tekton.dev',
    kinds: ['Task', 'ClusterTask'],
    project: 'Tekton Pipelines',
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1/task_types.go, container_types.go',
    sites: tektonTaskSpec('spec'),
  },
  {
    group: 'tekton.dev',
    kinds: ['TaskRun'],
    project: 'Tekton Pipelines',
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1/taskrun_types.go (TaskRunSpec.TaskSpec)',
    sites: tektonTaskSpec('spec', 'taskSpec'),
  },
  {
    // PipelineTask.TaskSpec is an EmbeddedTask, which holds a TaskSpec inline.
    group: 'tekton.dev',
    kinds: ['Pipeline'],
    project: 'Tekton Pipelines',
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1/pipeline_types.go (PipelineSpec.Tasks, Finally)',
    sites: [...tektonTaskSpec('spec', 'tasks', '*', 'taskSpec'), ...tektonTaskSpec('spec', 'finally', '*', 'taskSpec')],
  },
  {
    group: 'tekton.dev',
    kinds: ['PipelineRun'],
    project: 'Tekton Pipelines',
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1/pipelinerun_types.go (PipelineRunSpec.PipelineSpec)',
    sites: [
      ...tektonTaskSpec('spec', 'pipelineSpec', 'tasks', '*', 'taskSpec'),
      ...tektonTaskSpec('spec', 'pipelineSpec', 'finally', '*', 'taskSpec'),
    ],
  },
  {
    group: 'tekton.dev',
    kinds: ['StepAction'],
    project: 'Tekton Pipelines',
    source: 'tektoncd/pipeline pkg/apis/pipeline/v1beta1/stepaction_types.go (StepActionSpec.Image, ImagePullPolicy)',
    sites: [{ at: ['spec'], shape: 'image', group: 'stepAction', pullPolicy: 'own' }],
  },
  {
    // Volume.ContainerDisk (ContainerDiskSource.Image, ImagePullPolicy) and
    // Firmware.KernelBoot.Container (KernelBootContainer.Image, ImagePullPolicy).
    group: 'kubevirt.io',
    kinds: ['VirtualMachineInstance'],
    project: 'KubeVirt',
    source: 'kubevirt/kubevirt staging/src/kubevirt.io/api/core/v1/schema.go, types.go',
    sites: kubevirtVmiSpec('spec'),
  },
  {
    group: 'kubevirt.io',
    kinds: ['VirtualMachine', 'VirtualMachineInstanceReplicaSet'],
    project: 'KubeVirt',
    source: 'kubevirt/kubevirt staging/src/kubevirt.io/api/core/v1/types.go (VirtualMachineSpec.Template, VirtualMachineInstanceReplicaSetSpec.Template)',
    sites: kubevirtVmiSpec('spec', 'template', 'spec'),
  },
  {
    group: 'pool.kubevirt.io',
    kinds: ['VirtualMachinePool'],
    project: 'KubeVirt',
    source: 'kubevirt/kubevirt staging/src/kubevirt.io/api/pool/v1alpha1/types.go (VirtualMachinePoolSpec.VirtualMachineTemplate)',
    sites: kubevirtVmiSpec('spec', 'virtualMachineTemplate', 'spec', 'template', 'spec'),
  },
  {
    // FlinkDeploymentSpec.{Image, ImagePullPolicy, PodTemplate}; JobManagerSpec and TaskManagerSpec.PodTemplate.
    group: 'flink.apache.org',
    kinds: ['FlinkDeployment'],
    project: 'Apache Flink Kubernetes Operator',
    source: 'apache/flink-kubernetes-operator flink-kubernetes-operator-api/.../spec/FlinkDeploymentSpec.java, JobManagerSpec.java, TaskManagerSpec.java',
    sites: [
      { at: ['spec'], shape: 'image', group: 'spec', pullPolicy: 'own' },
      pod('spec', 'podTemplate', 'spec'),
      pod('spec', 'jobManager', 'podTemplate', 'spec'),
      pod('spec', 'taskManager', 'podTemplate', 'spec'),
    ],
  },
  {
    // A session job runs in the FlinkDeployment named by deploymentName: it has no image of its own.
    group: 'flink.apache.org',
    kinds: ['FlinkSessionJob'],
    project: 'Apache Flink Kubernetes Operator',
    source: 'apache/flink-kubernetes-operator flink-kubernetes-operator-api/.../spec/FlinkSessionJobSpec.java',
    sites: [],
  },
  {
    // SparkApplicationSpec.{Image, ImagePullPolicy, Driver, Executor}; SparkPodSpec.{Image, InitContainers, Sidecars}.
    group: 'sparkoperator.k8s.io',
    kinds: ['SparkApplication'],
    project: 'Kubeflow Spark Operator',
    source: 'kubeflow/spark-operator api/v1beta2/sparkapplication_types.go',
    sites: sparkApplicationSpec('spec'),
  },
  {
    group: 'sparkoperator.k8s.io',
    kinds: ['ScheduledSparkApplication'],
    project: 'Kubeflow Spark Operator',
    source: 'kubeflow/spark-operator api/v1beta2/scheduledsparkapplication_types.go (ScheduledSparkApplicationSpec.Template)',
    sites: sparkApplicationSpec('spec', 'template'),
  },
  {
    // KafkaConnectSpec.Image; Build.Output of type docker names the image Strimzi pushes and the
    // Connect pods pull (type imagestream names an OpenShift ImageStreamTag, not a reference).
    group: 'kafka.strimzi.io',
    kinds: ['KafkaConnect'],
    project: 'Strimzi',
    source: 'strimzi/strimzi-kafka-operator api/src/main/java/io/strimzi/api/kafka/model/connect/KafkaConnectSpec.java, build/DockerOutput.java',
    sites: [
      { at: ['spec'], shape: 'image', group: 'spec' },
      { at: ['spec', 'build', 'output'], shape: 'image', group: 'build.output', onlyIf: { key: 'type', equals: 'docker' } },
    ],
  },
  {
    group: 'kafka.strimzi.io',
    kinds: ['KafkaMirrorMaker2', 'KafkaBridge'],
    project: 'Strimzi',
    source: 'strimzi/strimzi-kafka-operator api/src/main/java/io/strimzi/api/kafka/model/mirrormaker2/KafkaMirrorMaker2Spec.java, bridge/KafkaBridgeSpec.java',
    sites: [{ at: ['spec'], shape: 'image', group: 'spec' }],
  },
];

// Kind first, then group: looked up for every object, without building a key string.
const BY_KIND = new Map<string, Map<string, KindEntry>>();
for (const entry of IMAGE_SITE_TABLE) {
  for (const kind of entry.kinds) {
    let groups = BY_KIND.get(kind);
    if (groups === undefined) BY_KIND.set(kind, (groups = new Map()));
    groups.set(entry.group, entry);
  }
}

/** The API group of an `apiVersion` (`apps/v1` → `apps`, `v1` → `''`). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The table's entry for an object's kind, if it lists it. */
export function imageSitesOfKind(apiVersion: string, kind: string): KindEntry | undefined {
  const groups = BY_KIND.get(kind);
  return groups === undefined ? undefined : groups.get(apiGroup(apiVersion));
}
