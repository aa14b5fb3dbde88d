// Metadata only: the engine turns each LoadProblem (a document that is not valid YAML or JSON) into a
// `yaml-syntax` finding at the error's position (core/run-rules.ts `loadProblemToFinding`), because such
// a document never becomes an object a rule could see. Docs: ../../docs/rules/yaml-syntax.md.
import type { Rule } from '../core/rule.js';

export const rule: Rule = {
  meta: {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    description: 'A document that is not valid YAML or JSON, so nothing in it can be checked or applied.',
    requires: 'none',
  },
  check() {
    // Nothing to do per object: see the comment above.
  },
};
