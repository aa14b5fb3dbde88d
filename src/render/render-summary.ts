// The summary `pullguard render` prints on stderr: per file, what changed (line, object, field,
// before → after), what was left alone and why, and why a file was not rendered. Pure.
import type { FileChange, FileNote, FileProblem } from './render-text.js';

export interface SummaryFile {
  file: string;
  changes?: readonly FileChange[];
  notes?: readonly FileNote[];
  problems?: readonly FileProblem[];
  writtenTo?: string;
  writeError?: string;
}

export function renderSummary(files: readonly SummaryFile[], target: string, verb: 'rendered' | 'written' | 'compared'): string {
  let out = '';
  let changed = 0;
  let changes = 0;
  let failed = 0;
  let left = 0;
  for (const f of files) {
    if (f.problems !== undefined) {
      failed++;
      for (const p of f.problems) out += `${f.file}:${p.line}:${p.column}: not rendered: ${p.message}\n`;
      continue;
    }
    const list = f.changes ?? [];
    if (list.length > 0) {
      changed++;
      changes += list.length;
      out += `${f.file}: ${count(list.length, 'change')}\n`;
      for (const c of [...list].sort((a, b) => a.line - b.line)) {
        const before = c.before === undefined ? '(added)' : c.before;
        out += `  ${c.line}: ${c.object} ${c.path}: ${before} → ${c.after}\n`;
      }
    }
    for (const n of f.notes ?? []) {
      left++;
      out += `${f.file}:${n.line}: ${n.object} ${n.path}: ${n.message}\n`;
    }
    if (f.writeError !== undefined) {
      failed++;
      out += `${f.file}: ${f.writeError}\n`;
    }
  }
  const parts = [`${count(files.length, 'file')}`, `${changed} changed (${count(changes, 'change')})`];
  if (left > 0) parts.push(`${count(left, 'note')}`);
  if (failed > 0) parts.push(`${failed} not ${verb === 'compared' ? 'rendered' : verb}`);
  return `${out}render --target ${target}: ${parts.join(', ')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
