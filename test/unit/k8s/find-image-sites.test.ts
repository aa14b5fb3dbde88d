// The image-site table against the public projects' own examples (test/fixtures/image-sites, see its
// README): every rule, through the real reader and engine, with exact positions; and the sites
// themselves (path, group, pull policy) for each kind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runRules } from '../../../src/core/run-rules.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { findImageSites } from '../../../src/k8s/find-image-sites.js';
import { pullPolicyOf } from '../../../src/k8s/pull-policy.js';
import { formatJsonPath } from '../../../src/manifests/format-json-path.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { RULES } from '../../../src/rules/index.js';

const FIXTURES = new URL('../../../../test/fixtures/image-sites/', import.meta.url);

function load(name: string): ManifestObject[] {
  const parsed = readManifestText(readFileSync(new URL(name, FIXTURES), 'utf8'), name, FULL_YAML_READERS);
  assert.deepEqual(parsed.problems, []);
  return parsed.objects;
}

/** `line:column rule severity path` for every finding of every rule. */
function lint(name: string, target = 'remote'): string[] {
  const profile = getTargetProfile(target);
  assert.ok(profile !== undefined);
  return runRules(load(name), RULES, { target: profile }).findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.path ?? ''}`);
}

/** `kind path group policy-path image` for every site; `fallback:` in front of fallback sites. */
function sites(name: string): string[] {
  return load(name).flatMap((object) => {
    const found = findImageSites(object.value, object.ref);
    const row = (prefix: string) => (c: (typeof found.groups)[number]['containers'][number]) =>
      `${prefix}${object.ref.kind} ${formatJsonPath([...c.path, c.imageKey ?? 'image'])} ${c.group} ${formatJsonPath(pullPolicyOf(c)?.path ?? []) || '-'} ${c.image ?? '-'}`;
    return [...found.groups.flatMap((g) => g.containers.map(row(''))), ...(found.fallback?.containers.map(row('fallback: ')) ?? [])];
  });
}

describe('image sites of the table', () => {
  it('Argo Workflows: container, script, sidecars, initContainers, containerSet', () => {
    assert.deepEqual(sites('argo-workflows.yaml'), [
      'Workflow spec.templates[0].container.image container spec.templates[0].container.imagePullPolicy busybox',
      'Workflow spec.templates[2].container.image container spec.templates[2].container.imagePullPolicy alpine:latest',
      'Workflow spec.templates[3].container.image container spec.templates[3].container.imagePullPolicy alpine:latest',
      'Workflow spec.templates[1].script.image script spec.templates[1].script.imagePullPolicy debian:9.4',
      'Workflow spec.templates[3].initContainers[0].image initContainers spec.templates[3].initContainers[0].imagePullPolicy alpine:latest',
      'Workflow spec.templates[2].sidecars[0].image sidecars spec.templates[2].sidecars[0].imagePullPolicy influxdb:1.2',
      'Workflow spec.templates[4].containerSet.containers[0].image containerSet spec.templates[4].containerSet.containers[0].imagePullPolicy argoproj/argosay:v2',
      'Workflow spec.templates[4].containerSet.containers[1].image containerSet spec.templates[4].containerSet.containers[1].imagePullPolicy argoproj/argosay:v2',
    ]);
    assert.deepEqual(lint('argo-workflows.yaml'), [
      '12:14 missing-tag warning spec.templates[0].container.image',
      '23:14 latest-tag warning spec.templates[2].container.image',
      '32:14 latest-tag warning spec.templates[3].container.image',
      '37:16 latest-tag warning spec.templates[3].initContainers[0].image',
    ]);
  });

  it('Tekton: steps, sidecars, stepTemplate of Tasks, TaskRuns, PipelineRuns; StepAction', () => {
    assert.deepEqual(sites('tekton.yaml'), [
      'Task spec.steps[0].image steps spec.steps[0].imagePullPolicy ubuntu',
      'Task spec.steps[1].image steps spec.steps[1].imagePullPolicy gcr.io/example-builders/build-example',
      'Task spec.sidecars[0].image sidecars spec.sidecars[0].imagePullPolicy docker:18.05-dind',
      'Task spec.stepTemplate.image stepTemplate spec.stepTemplate.imagePullPolicy ubuntu',
      'TaskRun spec.taskSpec.steps[0].image steps spec.taskSpec.steps[0].imagePullPolicy my-image:dev',
      'PipelineRun spec.pipelineSpec.tasks[0].taskSpec.steps[0].image steps spec.pipelineSpec.tasks[0].taskSpec.steps[0].imagePullPolicy ubuntu',
      'StepAction spec.image stepAction spec.imagePullPolicy bash:latest',
    ]);
    assert.deepEqual(lint('tekton.yaml'), [
      '8:12 missing-tag warning spec.stepTemplate.image',
      '11:14 missing-tag warning spec.steps[0].image',
      '13:14 missing-tag warning spec.steps[1].image',
      '13:14 deprecated-registry info spec.steps[1].image',
      '28:16 local-only-image error spec.taskSpec.steps[0].image',
      '29:26 never-pull-on-remote error spec.taskSpec.steps[0].imagePullPolicy',
      '42:22 missing-tag warning spec.pipelineSpec.tasks[0].taskSpec.steps[0].image',
      '52:10 latest-tag warning spec.image',
    ]);
  });

  it('KubeVirt: containerDisk volumes and the kernel-boot container, with their own pull policy', () => {
    assert.deepEqual(sites('kubevirt.yaml'), [
      'VirtualMachineInstance spec.volumes[0].containerDisk.image containerDisk spec.volumes[0].containerDisk.imagePullPolicy quay.io/kubevirt/fedora-with-test-tooling-container-disk:devel',
      'VirtualMachineInstance spec.domain.firmware.kernelBoot.container.image kernelBoot spec.domain.firmware.kernelBoot.container.imagePullPolicy vmi_ext_kernel_boot:dev',
      'VirtualMachine spec.template.spec.volumes[0].containerDisk.image containerDisk spec.template.spec.volumes[0].containerDisk.imagePullPolicy registry:5000/kubevirt/cirros-container-disk-demo:devel',
    ]);
    assert.deepEqual(lint('kubevirt.yaml'), [
      '20:18 local-only-image error spec.domain.firmware.kernelBoot.container.image',
      '48:18 localhost-registry-on-remote error spec.template.spec.volumes[0].containerDisk.image',
    ]);
    // On kind the kernel-boot image is pulled Always (written), so even there it fails.
    assert.deepEqual(lint('kubevirt.yaml', 'kind'), ['20:18 local-only-image error spec.domain.firmware.kernelBoot.container.image']);
  });

  it('Flink, Spark, Strimzi, an init-only pod template, and the fallback for an unlisted kind', () => {
    assert.deepEqual(sites('data-and-streaming.yaml'), [
      'FlinkDeployment spec.podTemplate.spec.containers[0].image containers spec.podTemplate.spec.containers[0].imagePullPolicy -',
      'FlinkDeployment spec.podTemplate.spec.initContainers[0].image initContainers spec.podTemplate.spec.initContainers[0].imagePullPolicy busybox:latest',
      'FlinkDeployment spec.image spec spec.imagePullPolicy flink:1.17',
      'SparkApplication spec.image spec spec.imagePullPolicy spark:3.5.3',
      'SparkApplication spec.driver.image driver spec.imagePullPolicy spark-driver:local',
      'KafkaConnect spec.build.output.image build.output - my-registry.io/my-org/my-connect-cluster:latest',
      'Job spec.template.spec.initContainers[0].image initContainers spec.template.spec.initContainers[0].imagePullPolicy migrator:1.0',
      'fallback: UnlistedThing spec.engine.baseImage baseImage - MyRegistry.io/WebApi:1.0',
      'fallback: UnlistedThing spec.engine.image image - ${REGISTRY}/engine:2.0',
      'fallback: UnlistedThing spec.sidecarImage sidecarImage - ghcr.io/example/sidecar:1.2.3',
    ]);
    assert.deepEqual(lint('data-and-streaming.yaml'), [
      '18:18 latest-tag warning spec.podTemplate.spec.initContainers[0].image',
      // One policy field for the application and its driver: reported once, at the field.
      '38:20 never-pull-on-remote error spec.imagePullPolicy',
      '43:12 local-only-image error spec.driver.image',
      '62:14 latest-tag warning spec.build.output.image',
      // `my-registry` only looks like a placeholder: a warning, and the image is still judged.
      '62:14 placeholder-registry warning spec.build.output.image',
      '82:18 local-only-image error spec.template.spec.initContainers[0].image',
      // Fallback: at most warnings, and only the rules that cannot be wrong about who pulls.
      // The kubelet refuses it (InvalidImageName): the most specific rule, capped at warning by the fallback.
      '90:16 invalid-image-reference warning spec.engine.baseImage',
      '91:12 unresolved-variable warning spec.engine.image',
    ]);
  });

  it('leaves built-in kinds to their pod specs: no fallback outside custom resources', () => {
    const value = { apiVersion: 'v1', kind: 'PersistentVolume', spec: { rbd: { image: 'foo/bar:1', monitors: [] } } };
    assert.deepEqual(findImageSites(value, { apiVersion: 'v1', kind: 'PersistentVolume' }), { groups: [] });
  });
});
