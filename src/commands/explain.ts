// `pullguard explain ID`: the docs page of a rule or a failure cause, from the docs that ship with the package.
import { suggest } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { listDocsPages, readDocsPage } from '../gateways/read-docs-page.js';
import { RULES } from '../rules/index.js';

export function explain(id: string): string {
  const page = readDocsPage('rules', id) ?? readDocsPage('causes', id);
  if (page !== undefined) return page.endsWith('\n') ? page : `${page}\n`;
  const known = [...listDocsPages('rules'), ...listDocsPages('causes')];
  throw new UsageError(`no rule or failure cause named "${id}"${suggest(id, known)}`, {
    hint: 'Run `pullguard explain --list` to see every rule and cause.',
  });
}

export function explainList(): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length), 24);
  const rules = RULES.map((rule) => `  ${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description}`);
  const causes = listDocsPages('causes').map((id) => `  ${id}`);
  return ['Rules (pullguard explain RULE):', ...rules, '', 'Failure causes (pullguard explain CAUSE):', ...causes, ''].join('\n');
}
