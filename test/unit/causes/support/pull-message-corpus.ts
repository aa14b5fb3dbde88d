// The corpus of real pull-error messages (test/fixtures/pull-messages/): each with its public
// source and the cause a reader of that source would name (README there says how it was decided).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CauseId } from '../../../../src/causes/index.js';
import { repoRoot } from '../../../support/control-plane/repo-root.js';

export interface CorpusMessage {
  message: string;
  cause: CauseId;
  source: string;
  note?: string;
  /** 1-based line in messages.jsonl. */
  line: number;
}

export const CORPUS_DIR = join(repoRoot(), 'test/fixtures/pull-messages');

export function readCorpus(): CorpusMessage[] {
  return readFileSync(join(CORPUS_DIR, 'messages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => ({ ...(JSON.parse(line) as Omit<CorpusMessage, 'line'>), line: index + 1 }));
}
