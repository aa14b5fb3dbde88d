// `pullguard explain ID`: the docs page of a rule or a failure cause, from the docs that ship with the package.
import { suggest } from '../shared/suggest.js';
import { causeDocsUrl, ruleDocsUrl } from '../core/docs-url.js';
import { PullguardError, UsageError } from '../shared/errors.js';
import { CAUSE_IDS, causesInDesignOrder, isCauseId } from '../causes/index.js';
import { readDocsPage, type DocsSection } from '../gateways/files/read-docs-page.js';
import { getRule, RULES } from '../rules/index.js';

/** A docs page found by `explain`: its id as the docs spell it, its section and its Markdown. */
export interface ExplainedPage {
  id: string;
  section: DocsSection;
  markdown: string;
}

/** Whether `pullguard explain ID` has a page for an id (ids are lower case; the lookup ignores case). */
export function isExplainable(id: string): boolean {
  return sectionOf(id.toLowerCase()) !== undefined;
}

function sectionOf(id: string): DocsSection | undefined {
  return getRule(id) !== undefined ? 'rules' : isCauseId(id) ? 'causes' : undefined;
}

/** The Markdown of the page of a rule or failure cause, exactly as written. */
export function explain(id: string, readPage: (section: DocsSection, id: string) => string | undefined = readDocsPage): string {
  return explainPage(id, readPage).markdown;
}

/** `readPage` is for tests; the default reads the docs/ folder that ships with the package. */
export function explainPage(id: string, readPage: (section: DocsSection, id: string) => string | undefined = readDocsPage): ExplainedPage {
  // Ids are lower case everywhere they are printed, but a finding read aloud or typed from memory
  // (`Latest-Tag`) means the same page.
  const wanted = id.toLowerCase();
  // Only known ids reach the file system: no stray page (README, a case-insensitive `readme`) and no path.
  const section = sectionOf(wanted);
  if (section === undefined) {
    const known = [...RULES.map((rule) => rule.meta.id), ...CAUSE_IDS];
    throw new UsageError(`no rule or failure cause named "${id}"${suggest(wanted, known)}`, {
      hint: 'Run `pullguard explain --list` to see every rule and cause.',
    });
  }
  const page = readPage(section, wanted);
  if (page === undefined) {
    // A known id without its page: the package was installed without docs/, not a typo of the user's.
    throw new PullguardError(`the documentation of "${wanted}" is not installed (docs/${section}/${wanted}.md is missing)`, {
      hint: `Read it at ${section === 'rules' ? ruleDocsUrl(wanted) : causeDocsUrl(wanted)}`,
    });
  }
  return { id: wanted, section, markdown: page.endsWith('\n') ? page : `${page}\n` };
}

export function explainList(): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length), ...CAUSE_IDS.map((id) => id.length));
  const rules = RULES.map((rule) => `  ${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description}`);
  const causes = causesInDesignOrder().map((cause) => `  ${cause.id.padEnd(width)}  ${cause.summary}`);
  return ['Rules (pullguard explain RULE):', ...rules, '', 'Failure causes (pullguard explain CAUSE):', ...causes, ''].join('\n');
}
