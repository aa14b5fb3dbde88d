import type { NodeLocator } from './node-locator.js';

/** A problem that stops one document from being analysed, at an offset of the whole file. */
export interface DocumentProblem {
  code: 'yaml-syntax' | 'input-rejected';
  offset: number;
  message: string;
}

/** One document as a reader produced it: the plain value and where each node sits. */
export type DocumentRead =
  | { kind: 'empty' }
  | { kind: 'value'; value: unknown; locator: NodeLocator }
  | { kind: 'problem'; problem: DocumentProblem };

/** Thrown inside a reader to abandon one document; never escapes the reader. */
export class DocumentAbort extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(problem.message);
  }
}
