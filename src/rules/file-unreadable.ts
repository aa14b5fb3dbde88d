// Metadata only, like yaml-syntax: a file or folder that cannot be read never becomes an object, so
// the loader reports a LoadProblem (code `file-unreadable`) and the engine turns it into the finding
// (core/run-rules.ts `loadProblemToFinding`). Docs: ../../docs/rules/file-unreadable.md.
import type { Rule } from '../core/rule.js';

export const rule: Rule = {
  meta: {
    id: 'file-unreadable',
    defaultSeverity: 'error',
    description: 'A manifest file or folder that could not be read (permission denied, over the size limit, an I/O error), so nothing in it was checked.',
    requires: 'none',
  },
  check() {
    // Nothing to do per object: see the comment above.
  },
};
