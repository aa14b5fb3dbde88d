import type { Finding, Summary } from './types.js';

export interface SummaryCounts {
  files: number;
  objects: number;
  containers: number;
  fallbackImageSites: number;
  skippedDocuments: number;
  ignored: number;
}

export function summarize(findings: readonly Finding[], counts: SummaryCounts): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, ...counts, imageSites: counts.containers + counts.fallbackImageSites };
}
