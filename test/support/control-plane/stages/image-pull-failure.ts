// kwok stages that make pods with images matching ImagePullFailureRule fail to pull the way
// kubelet reports it (pkg/kubelet/images/image_manager.go and kuberuntime_container.go, v1.36):
//
//   scheduled ──200 ms──▶ pull fails ──1 s──▶ back-off ──10 s──▶ pull fails ──1 s──▶ back-off …
//
// "pull fails": events Normal `Pulling`, Warning `Failed` "Failed to pull image …: <error>",
//   Warning `Failed` "Error: ErrImagePull"; waiting reason ErrImagePull (or RegistryUnavailable /
//   SignatureValidationFailed), message = the error.
// "back-off": events Normal `BackOff` "Back-off pulling image …", Warning `Failed`
//   "Error: ImagePullBackOff"; waiting reason ImagePullBackOff, message
//   "Back-off pulling image …: ErrImagePull: <error>".
//
// kwok's own `event` step takes static text only, so the events are written as Event objects by
// `apply` steps whose Go templates fill in the image. kubelet's event correlator folds repeats
// into one Event with a growing count; here each event has a stable name per container and text,
// and its count is estimated from the time since the first attempt. Only the first failing init
// container is pulled (the ones after it wait), as kubelet runs init containers in order.
import {
  pullFailureTexts,
  type ImagePullFailureRule,
  type PullFailureTexts,
} from '../image-pull-failure-rules.js';

/** Delays between the steps of the cycle above. */
export interface ImagePullTiming {
  firstPullMs: number;
  backOffMs: number;
  /** kubelet's first back-off is 10 s (it doubles up to 5 min; here it stays). */
  retryMs: number;
}

export const DEFAULT_IMAGE_PULL_TIMING: ImagePullTiming = { firstPullMs: 200, backOffMs: 1000, retryMs: 10_000 };
/** Events are written for up to this many failing containers of one pod. */
const MAX_FAILING_CONTAINERS = 3;

export interface KwokStage {
  apiVersion: 'kwok.x-k8s.io/v1alpha1';
  kind: 'Stage';
  metadata: { name: string };
  spec: Record<string, unknown>;
}

/** A Go/jq string literal (JSON's syntax is valid in both). */
const lit = (text: string): string => JSON.stringify(text);

const PLACEHOLDER_VARIABLES: Record<string, string> = {
  image: '$ref',
  host: '$host',
  repository: '$repo',
  reference: '$reference',
};

/** A text with {placeholders} as a Go template expression built from the prelude's variables. */
export function goTextExpression(text: string): string {
  const parts = text.split(/\{(image|host|repository|reference)\}/);
  const args = parts.map((part, index) => (index % 2 === 1 ? (PLACEHOLDER_VARIABLES[part] ?? lit(part)) : lit(part))).filter((arg) => arg !== '""');
  return args.length === 0 ? '""' : `(print ${args.join(' ')})`;
}

/** Template condition: does the image in `imageExpr` match a rule? */
function isFailingImage(rules: readonly ImagePullFailureRule[], imageExpr: string): string {
  return `(or ${rules.map((rule) => `(hasPrefix ${lit(rule.imagePrefix)} ${imageExpr})`).join(' ')})`;
}

/**
 * Template lines that set, for the image in `imageExpr`: $ref $host $repo $reference (see
 * image-pull-failure-rules.ts imageParts), $rule (index of the matching rule or -1), and the texts
 * $reason $pullMsg $failedMsg $backOffMsg $backOffEventMsg $pullingMsg.
 */
function imagePrelude(rules: readonly ImagePullFailureRule[], imageExpr: string): string {
  const texts: PullFailureTexts[] = rules.map((rule) => pullFailureTexts(rule.runtimeError));
  const lines = [
    `{{ $img := ${imageExpr} }}`,
    `{{ $last := regexReplaceAll "^.*/" $img "" }}`,
    `{{ $ref := $img }}`,
    `{{ if not (or (contains "@" $img) (contains ":" $last)) }}{{ $ref = printf "%s:latest" $img }}{{ end }}`,
    `{{ $host := regexFind "^[^/]+" $ref }}`,
    `{{ $path := trimPrefix (printf "%s/" $host) $ref }}`,
    `{{ $repo := regexReplaceAll "(@.*|:[^:/]*)$" $path "" }}`,
    `{{ $reference := $path | trimPrefix $repo | trimPrefix ":" | trimPrefix "@" }}`,
    `{{ $rule := -1 }}`,
    `{{ $reason := "" }}{{ $pullMsg := "" }}{{ $failedMsg := "" }}{{ $backOffMsg := "" }}{{ $backOffEventMsg := "" }}{{ $pullingMsg := "" }}`,
  ];
  rules.forEach((rule, index) => {
    const t = texts[index] as PullFailureTexts;
    lines.push(
      `{{ if and (lt $rule 0) (hasPrefix ${lit(rule.imagePrefix)} $img) }}{{ $rule = ${index} }}` +
        `{{ $reason = ${lit(t.reason)} }}` +
        `{{ $pullMsg = ${goTextExpression(t.pullWaitingMessage)} }}` +
        `{{ $failedMsg = ${goTextExpression(t.failedEventMessage)} }}` +
        `{{ $backOffMsg = ${goTextExpression(t.backOffWaitingMessage)} }}` +
        `{{ $backOffEventMsg = ${goTextExpression(t.backOffEventMessage)} }}` +
        `{{ $pullingMsg = ${goTextExpression(t.pullingEventMessage)} }}{{ end }}`,
    );
  });
  return lines.join('\n');
}

type Phase = 'pull-failed' | 'back-off';

/** The pod status kubelet reports while the pull fails (phase) or backs off. */
function statusTemplate(rules: readonly ImagePullFailureRule[], phase: Phase): string {
  const waitingReason = phase === 'pull-failed' ? '$reason' : '"ImagePullBackOff"';
  const waitingMessage = phase === 'pull-failed' ? '$pullMsg' : '$backOffMsg';
  const waiting = (reason: string, message?: string): string[] => [
    '  ready: false',
    '  started: false',
    '  state:',
    '    waiting:',
    `      reason: {{ ${reason} | Quote }}`,
    ...(message === undefined ? [] : [`      message: {{ ${message} | Quote }}`]),
  ];
  return [
    '{{ $now := Now }}',
    '{{ $since := or .status.startTime $now }}',
    '{{ $blocked := false }}',
    '{{ $unreadyInit := list }}',
    '{{ $unready := list }}',
    'initContainerStatuses:',
    '{{ range .spec.initContainers }}',
    imagePrelude(rules, '.image'),
    '- name: {{ .name | Quote }}',
    '  image: {{ .image | Quote }}',
    '  imageID: ""',
    '  restartCount: 0',
    '{{ if $blocked }}',
    ...waiting('"PodInitializing"'),
    '{{ $unreadyInit = append $unreadyInit .name }}',
    '{{ else if ge $rule 0 }}',
    ...waiting(waitingReason, waitingMessage),
    '{{ $blocked = true }}',
    '{{ $unreadyInit = append $unreadyInit .name }}',
    '{{ else if eq (or .restartPolicy "") "Always" }}',
    '  ready: true',
    '  started: true',
    '  state:',
    '    running:',
    '      startedAt: {{ $since | Quote }}',
    '{{ else }}',
    '  ready: true',
    '  started: false',
    '  state:',
    '    terminated:',
    '      exitCode: 0',
    '      reason: Completed',
    '      startedAt: {{ $since | Quote }}',
    '      finishedAt: {{ $since | Quote }}',
    '{{ end }}',
    '{{ end }}',
    'containerStatuses:',
    '{{ range .spec.containers }}',
    imagePrelude(rules, '.image'),
    '- name: {{ .name | Quote }}',
    '  image: {{ .image | Quote }}',
    '  imageID: ""',
    '  restartCount: 0',
    '{{ if $blocked }}',
    ...waiting('"PodInitializing"'),
    '{{ $unready = append $unready .name }}',
    '{{ else if ge $rule 0 }}',
    ...waiting(waitingReason, waitingMessage),
    '{{ $unready = append $unready .name }}',
    '{{ else }}',
    '  ready: true',
    '  started: true',
    '  state:',
    '    running:',
    '      startedAt: {{ $since | Quote }}',
    '{{ end }}',
    '{{ end }}',
    // kubelet's generateContainersReadyCondition / generatePodInitializedCondition wording.
    'conditions:',
    '- type: PodReadyToStartContainers',
    '  status: "True"',
    '  lastTransitionTime: {{ $since | Quote }}',
    '- type: Initialized',
    '{{ if $unreadyInit }}',
    '  status: "False"',
    '  reason: ContainersNotInitialized',
    '  message: {{ printf "containers with incomplete status: %s" $unreadyInit | Quote }}',
    '{{ else }}',
    '  status: "True"',
    '{{ end }}',
    '  lastTransitionTime: {{ $since | Quote }}',
    '- type: Ready',
    '  status: "False"',
    '  reason: ContainersNotReady',
    '  message: {{ printf "containers with unready status: %s" $unready | Quote }}',
    '  lastTransitionTime: {{ $since | Quote }}',
    '- type: ContainersReady',
    '  status: "False"',
    '  reason: ContainersNotReady',
    '  message: {{ printf "containers with unready status: %s" $unready | Quote }}',
    '  lastTransitionTime: {{ $since | Quote }}',
    // Addresses once: a second PodIPsWith may hand out another IP, and two of one family are invalid.
    '{{ if not .status.podIP }}',
    '{{ with NodeIPsWith .spec.nodeName }}',
    'hostIP: {{ index . 0 | Quote }}',
    'hostIPs:',
    '{{ range . }}',
    '- ip: {{ . | Quote }}',
    '{{ end }}',
    '{{ end }}',
    '{{ with PodIPsWith .spec.nodeName (or .spec.hostNetwork false) (or .metadata.uid "") (or .metadata.name "") (or .metadata.namespace "") }}',
    'podIP: {{ index . 0 | Quote }}',
    'podIPs:',
    '{{ range . }}',
    '- ip: {{ . | Quote }}',
    '{{ end }}',
    '{{ end }}',
    '{{ end }}',
    'phase: Pending',
    'startTime: {{ $since | Quote }}',
    '',
  ].join('\n');
}

interface EventSpec {
  /** Distinguishes events of the same reason in the event's name. */
  key: string;
  type: 'Normal' | 'Warning';
  reason: string;
  /** Go template expression for the message. */
  message: string;
}

/**
 * An Event as kubelet's recorder writes it, about the `target`-th failing container (or the first
 * one when the pod has fewer), named `<pod>.<16 hex digits>` like kubelet's.
 */
function eventTemplate(
  rules: readonly ImagePullFailureRule[],
  timing: ImagePullTiming,
  target: number,
  event: EventSpec,
  firstAttempt: boolean,
): string {
  const failing = (imageExpr: string): string => isFailingImage(rules, imageExpr);
  // Attempts so far, rounded to the nearest cycle: startTime has whole seconds only.
  const cycleSeconds = Math.max(1, Math.round((timing.retryMs + timing.backOffMs) / 1000));
  const elapsed = '(sub (atoi (unixEpoch now)) (atoi (unixEpoch (toDate "2006-01-02T15:04:05Z07:00" .status.startTime))))';
  const count = firstAttempt ? '1' : `{{ add1 (div (add ${elapsed} ${Math.floor(cycleSeconds / 2)}) ${cycleSeconds}) }}`;
  return [
    '{{ $now := Now }}',
    '{{ $targets := list }}',
    `{{ range .spec.initContainers }}{{ if and (eq (len $targets) 0) ${failing('.image')} }}{{ $targets = append $targets (dict "name" .name "image" .image "field" "initContainers") }}{{ end }}{{ end }}`,
    `{{ if eq (len $targets) 0 }}{{ range .spec.containers }}{{ if ${failing('.image')} }}{{ $targets = append $targets (dict "name" .name "image" .image "field" "containers") }}{{ end }}{{ end }}{{ end }}`,
    `{{ $t := index $targets (ternary ${target} 0 (lt ${target} (len $targets))) }}`,
    imagePrelude(rules, '$t.image'),
    'apiVersion: v1',
    'kind: Event',
    'metadata:',
    `  name: {{ printf "%s.%s" .metadata.name (sha256sum (printf "%s/%s/%s" .metadata.uid $t.name ${lit(event.key)}) | trunc 16) | Quote }}`,
    '  namespace: {{ .metadata.namespace | Quote }}',
    'involvedObject:',
    '  apiVersion: v1',
    '  kind: Pod',
    '  name: {{ .metadata.name | Quote }}',
    '  namespace: {{ .metadata.namespace | Quote }}',
    '  uid: {{ .metadata.uid | Quote }}',
    '  fieldPath: {{ printf "spec.%s{%s}" $t.field $t.name | Quote }}',
    `type: ${event.type}`,
    `reason: ${event.reason}`,
    `message: {{ ${event.message} | Quote }}`,
    'source:',
    '  component: kubelet',
    '  host: {{ .spec.nodeName | Quote }}',
    'reportingComponent: kubelet',
    'reportingInstance: {{ .spec.nodeName | Quote }}',
    `firstTimestamp: {{ ${firstAttempt ? '$now' : 'or .status.startTime $now'} | Quote }}`,
    'lastTimestamp: {{ $now | Quote }}',
    `count: ${count}`,
    '',
  ].join('\n');
}

function steps(rules: readonly ImagePullFailureRule[], timing: ImagePullTiming, phase: Phase, firstAttempt: boolean): unknown[] {
  const events: EventSpec[] =
    phase === 'pull-failed'
      ? [
          { key: 'pulling', type: 'Normal', reason: 'Pulling', message: '$pullingMsg' },
          { key: 'failed-pull', type: 'Warning', reason: 'Failed', message: '$failedMsg' },
          { key: 'failed-error', type: 'Warning', reason: 'Failed', message: '(printf "Error: %s" $reason)' },
        ]
      : [
          { key: 'back-off', type: 'Normal', reason: 'BackOff', message: '$backOffEventMsg' },
          { key: 'failed-back-off', type: 'Warning', reason: 'Failed', message: '"Error: ImagePullBackOff"' },
        ];
  const result: unknown[] = [];
  for (let target = 0; target < MAX_FAILING_CONTAINERS; target += 1) {
    for (const event of events) result.push({ apply: { template: eventTemplate(rules, timing, target, event, firstAttempt) } });
  }
  result.push({ patch: { subresource: 'status', root: 'status', template: statusTemplate(rules, phase) } });
  return result;
}

const WAITING_REASONS = '(.status.initContainerStatuses // [])[], (.status.containerStatuses // [])[] | .state.waiting.reason';

/** The three stages (weight 1, so they win over pod-running.yaml's weight 0) for these rules. */
export function imagePullFailureStages(
  rules: readonly ImagePullFailureRule[],
  timing: ImagePullTiming = DEFAULT_IMAGE_PULL_TIMING,
): KwokStage[] {
  if (rules.length === 0) return [];
  const anyFailing = `[(.spec.initContainers // [])[], .spec.containers[] | .image | (${rules.map((rule) => `startswith(${lit(rule.imagePrefix)})`).join(' or ')})] | any`;
  const common = [
    { jq: { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' } },
    { jq: { key: '.spec.nodeName', operator: 'Exists' } },
    { jq: { key: anyFailing, operator: 'In', values: ['true'] } },
  ];
  const stage = (name: string, expressions: unknown[], delayMs: number, phase: Phase, firstAttempt: boolean): KwokStage => ({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name },
    spec: {
      resourceRef: { apiGroup: 'v1', kind: 'Pod' },
      selector: { matchExpressions: [...common, ...expressions] },
      weight: 1,
      delay: { durationMilliseconds: delayMs },
      steps: steps(rules, timing, phase, firstAttempt),
    },
  });
  return [
    stage(
      'pullguard-image-pull-first-failure',
      [
        { jq: { key: '.status.phase', operator: 'In', values: ['Pending'] } },
        { jq: { key: '.status.startTime', operator: 'DoesNotExist' } },
      ],
      timing.firstPullMs,
      'pull-failed',
      true,
    ),
    stage(
      'pullguard-image-pull-back-off',
      [{ jq: { key: WAITING_REASONS, operator: 'In', values: ['ErrImagePull', 'RegistryUnavailable', 'SignatureValidationFailed'] } }],
      timing.backOffMs,
      'back-off',
      false,
    ),
    stage(
      'pullguard-image-pull-retry-failure',
      [{ jq: { key: WAITING_REASONS, operator: 'In', values: ['ImagePullBackOff'] } }],
      timing.retryMs,
      'pull-failed',
      false,
    ),
  ];
}
