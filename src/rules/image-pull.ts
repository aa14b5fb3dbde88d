// Metadata only: `pullguard check` asks each image's registry and turns every verdict that is not
// "can be pulled" into an `image-pull` finding (gateways/registry/verdict-finding.ts), with the
// failure cause id in `cause`. `lint` never asks a registry, so the check below has nothing to do;
// the rule is registered so that config, ignore annotations, SARIF and `explain` know it.
// Docs: ../../docs/rules/image-pull.md.
import type { Rule } from '../core/rule.js';

export const rule: Rule = {
  meta: {
    id: 'image-pull',
    defaultSeverity: 'error',
    description: "The image's registry says the nodes cannot pull it (missing, refused, wrong platform, unreachable), asked by pullguard check.",
    requires: 'registry',
  },
  check() {
    // Registry verdicts are facts of `check`, not of the manifests: see the comment above.
  },
};
