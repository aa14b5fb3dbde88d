// `pullguard explain ID`: the docs page of a rule or a failure cause, from the docs that ship with the package.
import { suggest } from '../shared/suggest.js';
import { causeDocsUrl, ruleDocsUrl } from '../core/docs-url.js';
import { PullguardError, UsageError } from '../shared/errors.js';
import { CAUSE_IDS, causesInDesignOrder, isCauseId } from '../causes/index.js';
import { readDocsPage, type DocsSection } from '../gateways/files/read-docs-page.js';
import { getRule, RULES } from '../rules/index.js';

/** `readPage` is for tests; the default reads the docs/ folder that ships with the package. */
export function explain(id: string, readPage: (section: DocsSection, id: string) => string | undefined = readDocsPage): string {
  // Only known ids reach the file system: no stray page (README, a case-insensitive `readme`) and no path.
  const section: DocsSection | undefined = getRule(id) !== undefined ? 'rules' : isCauseId(id) ? 'causes' : undefined;
  if (section === undefined) {
    const known = [...RULES.map((rule) => rule.meta.id), ...CAUSE_IDS];
    throw new UsageError(`no rule or failure cause named "${id}"${suggest(id, known)}`, {
      hint: 'Run `pullguard explain --list` to see every rule and cause.',
    });
  }
  const page = readPage(section, id);
  if (page === undefined) {
    // A known id without its page: the package was installed without docs/, not a typo of the user's.
    throw new PullguardError(`the documentation of "${id}" is not installed (docs/${section}/${id}.md is missing)`, {
      hint: `Read it at ${section === 'rules' ? ruleDocsUrl(id) : causeDocsUrl(id)}`,
    });
  }
  return page.endsWith('\n') ? page : `${page}\n`;
}

export function explainList(): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length), ...CAUSE_IDS.map((id) => id.length));
  const rules = RULES.map((rule) => `  ${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description}`);
  const causes = causesInDesignOrder().map((cause) => `  ${cause.id.padEnd(width)}  ${cause.summary}`);
  return ['Rules (pullguard explain RULE):', ...rules, '', 'Failure causes (pullguard explain CAUSE):', ...causes, ''].join('\n');
}
