// `pullguard.dev/target: local` (or `kind,minikube`, or `remote`) says which clusters a manifest is
// meant for; linting it for another target is the incident's "wrong copy of the manifests" mistake,
// which the incident tried to prevent with warning banners. Docs: ../../docs/rules/target-mismatch.md.
import { suggest } from '../shared/suggest.js';
import type { Rule, RuleContext } from '../core/rule.js';
import type { JsonPath } from '../manifests/model.js';
import { TARGET_IDS, type TargetProfile } from '../detect/target-profile.js';
import { targetPhrase } from './support/target-phrase.js';
import { isPlainObject } from '../shared/is-plain-object.js';

export const TARGET_ANNOTATION = 'pullguard.dev/target';
const GROUPS = ['local', 'remote'] as const;
// `remote` is both a target id and a group: listed once.
const KNOWN: readonly string[] = [...new Set<string>([...TARGET_IDS, ...GROUPS])];

export const rule: Rule = {
  meta: {
    id: 'target-mismatch',
    defaultSeverity: 'error',
    description: 'An object annotated pullguard.dev/target for other clusters than the target being checked.',
    requires: 'none',
  },
  check(context) {
    for (const { path, value } of targetAnnotations(context)) {
      const names = value.split(/[\s,]+/).filter((name) => name !== '');
      const unknown = names.filter((name) => !KNOWN.includes(name));
      for (const name of unknown) {
        context.report({
          path,
          message: `${TARGET_ANNOTATION} names "${name}", which is not a target${suggest(name, KNOWN)}; expected a comma-separated list of ${KNOWN.join(', ')}`,
          remediation: `Use target ids or the groups local and remote, e.g. "${TARGET_ANNOTATION}: kind,minikube".`,
        });
      }
      const known = names.filter((name) => KNOWN.includes(name));
      if (known.length === 0 || known.some((name) => accepts(name, context.target))) continue;
      context.report({
        path,
        message: `this ${context.object.ref.kind} is meant for ${known.join(', ')} (${TARGET_ANNOTATION}), not for ${targetPhrase(context.target)} (${describeTarget(context.target)})`,
        remediation: `Apply the manifests meant for ${context.target.id} instead, or change the annotation if this object really works there.`,
      });
    }
  },
};

/** `aks, remote`; just `remote` for the generic remote target, whose id is its group. */
function describeTarget(target: TargetProfile): string {
  return target.id === target.location ? target.id : `${target.id}, ${target.location}`;
}

function accepts(name: string, target: TargetProfile): boolean {
  return name === target.id || name === target.location;
}

/** The annotation on the object and on each pod template, once per distinct place. */
function targetAnnotations(context: RuleContext): { path: JsonPath; value: string }[] {
  // Paths are built only for an annotation found: almost no object has one, and building them
  // for every object and pod template was most of this rule's time on big runs.
  const found: { path: JsonPath; value: string }[] = [];
  const own = targetAnnotationOf(context.object.value['metadata']);
  if (own !== undefined) found.push({ path: ['metadata', 'annotations', TARGET_ANNOTATION], value: own });
  for (const spec of context.podSpecs) {
    const last = spec.path[spec.path.length - 1];
    if (spec.metadata === undefined || last !== 'spec' || spec.path.length < 2) continue;
    const value = targetAnnotationOf(spec.metadata);
    if (value === undefined) continue;
    const path = [...spec.path.slice(0, -1), 'metadata', 'annotations', TARGET_ANNOTATION];
    // A Pod's template metadata is its own: one place, reported once.
    if (found.some((f) => samePath(f.path, path))) continue;
    found.push({ path, value });
  }
  return found;
}

function targetAnnotationOf(metadata: unknown): string | undefined {
  const annotations = isPlainObject(metadata) ? metadata['annotations'] : undefined;
  const value = isPlainObject(annotations) ? annotations[TARGET_ANNOTATION] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
