// Help links in SARIF, JUnit and `--help` point at the docs pages in the repository.
export const DOCS_BASE_URL = 'https://github.com/pullguard/pullguard/blob/main/docs';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/rules/${ruleId}.md`;
}

export function causeDocsUrl(causeId: string): string {
  return `${DOCS_BASE_URL}/causes/${causeId}.md`;
}
