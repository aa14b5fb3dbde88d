// Where the pull-secret rules look up Secrets and ServiceAccounts: what `check` gathered (the
// manifests and the --pull-secret files, in the namespace of `-n`), else the manifests of the run
// in namespace `default`. Indexed once per run: every pod spec of a run asks.
import { pullObjectsFromManifests } from '../../credentials/pull-object-source.js';
import type { RuleContext } from '../../core/rule.js';
import type { PullObjectFacts } from '../../facts/facts.js';
import type { ManifestObject } from '../../manifests/model.js';

const DEFAULT_NAMESPACE = 'default';
const fromManifests = new WeakMap<readonly ManifestObject[], PullObjectFacts>();

export function pullObjectsOf(context: RuleContext): PullObjectFacts {
  if (context.facts.pullObjects !== undefined) return context.facts.pullObjects;
  let facts = fromManifests.get(context.run.objects);
  if (facts === undefined) {
    facts = { source: pullObjectsFromManifests(context.run.objects, DEFAULT_NAMESPACE), defaultNamespace: DEFAULT_NAMESPACE };
    fromManifests.set(context.run.objects, facts);
  }
  return facts;
}
