// core/: the engine (run-rules), Rule and RuleContext, the report contract, config, ignores, exit
// codes. Pure; imports the folders below it (shared, manifests, images, k8s, facts, detect, credentials).
// The rule engine: pure. Objects and rules in, findings out. Rules only describe problems
// (RuleProblem); positions, severities, ignores and ordering are decided here, once.
import type { BuildToolIndex } from '../build-tools/build-tool-index.js';
import type { TargetProfile } from '../detect/target-profile.js';
import { NO_FACTS, type Facts } from '../facts/facts.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReferenceResult } from '../images/types.js';
import { findImageSites, type ImageSites } from '../k8s/find-image-sites.js';
import { formatJsonPath } from '../manifests/format-json-path.js';
import { ignoredRuleIds } from './ignore-annotation.js';
import type { ContainerInfo, PodSpecInfo } from '../k8s/types.js';
import type { Rule, RuleContext, RuleProblem } from './rule.js';
import type { Finding } from './types.js';
import type { Severity } from '../shared/severity.js';
import type { JsonPath, LoadProblem, ManifestObject } from '../manifests/model.js';

/** `off` disables a rule; a severity overrides its default (from `.pullguard.yaml`). */
export type RuleSetting = Severity | 'off';

export interface RunRulesOptions {
  target: TargetProfile;
  /** Facts gathered for this run (`check`); default none. */
  facts?: Facts;
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** What the build tools beside the manifests do to their images (kustomize rewrites, Skaffold/Tilt/ko builds). */
  buildTools?: BuildToolIndex;
}

export interface RunRulesResult {
  findings: Finding[];
  /** Findings suppressed by `pullguard.dev/ignore`. */
  ignored: number;
  /** Image sites found by the table or the pod-spec walk (containers, steps, containerDisks, Spark drivers...). */
  containers: number;
  /** Image fields found only by the fallback, in custom resources the table does not list. */
  fallbackImageSites: number;
}

export function runRules(objects: readonly ManifestObject[], rules: readonly Rule[], options: RunRulesOptions): RunRulesResult {
  const active = rules.filter(
    (rule) => options.ruleSettings?.[rule.meta.id] !== 'off' && (rule.meta.appliesTo?.(options.target) ?? true),
  );
  const references = new Map<string, ImageReferenceResult>();
  const parse = (image: string): ImageReferenceResult => {
    let result = references.get(image);
    if (result === undefined) {
      result = parseImageReference(image);
      references.set(image, result);
    }
    return result;
  };

  const findings: Finding[] = [];
  let ignored = 0;
  let containers = 0;
  let fallbackImageSites = 0;
  // Every object's image sites, found once before any rule runs: rules that look across the run
  // (missing-pull-secret) read them from here instead of walking every object again.
  // findImageSites returns new sites on every call: they become the rules' PodSpecInfo in place
  // rather than through copies (three objects per container less on a big run).
  const allSites: ImageSites[] = objects.map((object) => findImageSites(object.value, object.ref));
  const allPodSpecs = allSites.map((sites) => sites.groups as PodSpecInfo[]);
  const run = { objects, podSpecs: allPodSpecs };
  const facts = options.facts ?? NO_FACTS;
  const remote = options.target.location === 'remote';
  const fallbackRules = active.filter(
    (rule) => rule.meta.checksFallbackSites === 'any-target' || (rule.meta.checksFallbackSites === 'remote-targets' && remote),
  );

  for (let index = 0; index < objects.length; index++) {
    const object = objects[index] as ManifestObject;
    const podSpecs = allPodSpecs[index] as PodSpecInfo[];
    const metadata: (Record<string, unknown> | undefined)[] = [];
    let notes: ContainerInfo[] | undefined;
    for (const spec of podSpecs) {
      containers += spec.containers.length;
      metadata.push(spec.metadata);
      for (const c of spec.containers) {
        if (c.image === undefined) continue;
        if (options.buildTools !== undefined && applyBuildTools(options.buildTools, object, c)) (notes ??= []).push(c);
        c.reference = parse(c.image);
      }
    }
    const fallback = (allSites[index] as ImageSites).fallback as PodSpecInfo | undefined;
    if (fallback !== undefined) {
      fallbackImageSites += fallback.containers.length;
      for (const c of fallback.containers) if (c.image !== undefined) c.reference = parse(c.image);
    }
    const ignoredIds = ignoredRuleIds(object, metadata);

    // One context per object, shared by its rules: a context, a closure and an array per rule and
    // object are 360,000 short-lived allocations on a 10,000-object run with 12 rules.
    const problems: RuleProblem[] = [];
    const context: RuleContext = { object, podSpecs, target: options.target, run, facts, report: (problem) => void problems.push(problem) };
    for (const rule of active) {
      problems.length = 0;
      rule.check(context);
      if (problems.length > 0) ignored += collect(object, rule, problems, ignoredIds, options.ruleSettings, findings, false, notes);
    }
    if (fallback !== undefined && fallbackRules.length > 0) {
      // Fields found only by the fallback: who pulls them is unknown, so only the rules that cannot
      // be wrong about that see them, and their findings are at most warnings.
      const fallbackContext: RuleContext = { ...context, podSpecs: [fallback] };
      for (const rule of fallbackRules) {
        problems.length = 0;
        rule.check(fallbackContext);
        if (problems.length > 0) ignored += collect(object, rule, problems, ignoredIds, options.ruleSettings, findings, true, undefined);
      }
    }
  }
  return { findings: sortFindings(findings), ignored, containers, fallbackImageSites };
}

/** Turns a rule's problems into findings (or counts them ignored); returns how many were ignored. */
function collect(
  object: ManifestObject,
  rule: Rule,
  problems: readonly RuleProblem[],
  ignoredIds: ReadonlySet<string>,
  ruleSettings: RunRulesOptions['ruleSettings'],
  findings: Finding[],
  capAtWarning: boolean,
  /** Containers whose image a build tool rewrote: findings on them say which rewrite applied. */
  rewritten: readonly ContainerInfo[] | undefined,
): number {
  if (ignoredIds.has(rule.meta.id) || ignoredIds.has('all')) return problems.length;
  const setting = ruleSettings?.[rule.meta.id];
  for (const problem of problems) {
    const finding = toFinding(object, rule, problem, setting === undefined || setting === 'off' ? undefined : setting);
    if (capAtWarning && finding.severity === 'error') finding.severity = 'warning';
    const note = rewritten?.find((c) => isPrefix(c.path, problem.path))?.rewrite;
    if (note !== undefined) finding.message = `${finding.message} (${note})`;
    findings.push(finding);
  }
  return 0;
}

/**
 * Applies the kustomize rewrite and records the build of one container's image; true when the
 * findings on it need the rewrite's note. kustomize rewrites `containers` and `initContainers`,
 * never `ephemeralContainers` nor anything in a CustomResourceDefinition (its legacy image filter).
 */
function applyBuildTools(index: BuildToolIndex, object: ManifestObject, container: ContainerInfo): boolean {
  let noted = false;
  if (container.group !== 'ephemeralContainers' && object.ref.kind !== 'CustomResourceDefinition') {
    const rewrite = index.rewrite(object.file, container.image as string);
    if (rewrite !== undefined) {
      container.image = rewrite.image;
      container.rewrite = rewrite.note;
      noted = true;
    }
  }
  const build = index.build(object.file, container.image as string);
  if (build !== undefined) container.build = build;
  return noted;
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function toFinding(object: ManifestObject, rule: Rule, problem: RuleProblem, configured: Severity | undefined): Finding {
  const position = problem.atKey ? object.keyPositionOf(problem.path) : object.positionOf(problem.path);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: configured ?? problem.severity ?? rule.meta.defaultSeverity,
    message: problem.message,
    file: object.file,
    line: position.line,
    column: position.column,
    object: object.ref,
    path: formatJsonPath([...(object.itemPath ?? []), ...problem.path]),
  };
  if (problem.container !== undefined) finding.container = problem.container;
  if (problem.image !== undefined) finding.image = problem.image;
  if (problem.remediation !== undefined) finding.remediation = problem.remediation;
  if (problem.cause !== undefined) finding.cause = problem.cause;
  return finding;
}

/**
 * A document that could not be parsed becomes a `yaml-syntax` finding at the error's position; a
 * file or folder that could not be read at all, a `file-unreadable` finding. Content refused by the
 * guards (binary, alias bomb) is reported under `yaml-syntax` even when that rule is off: turning
 * off syntax errors of templates must not hide a file that was never checked.
 */
export function loadProblemToFinding(problem: LoadProblem, ruleSettings?: Readonly<Record<string, RuleSetting>>): Finding | undefined {
  const ruleId = problem.code === 'file-unreadable' ? 'file-unreadable' : 'yaml-syntax';
  const setting = ruleSettings?.[ruleId];
  if (setting === 'off' && problem.code !== 'input-rejected') return undefined;
  return {
    ruleId,
    severity: setting === undefined || setting === 'off' ? 'error' : setting,
    message: problem.message,
    file: problem.file,
    line: problem.line,
    column: problem.column,
    object: { apiVersion: '', kind: '' },
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
