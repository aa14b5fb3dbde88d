// The one-line verdict shared by the text, markdown and github formatters:
// "3 errors, 1 warning in 2 files" + "5 objects, 7 containers checked; 1 document skipped".
import type { Summary } from '../core/types.js';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export interface SummarySentence {
  /** Errors or warnings were found (infos alone are not problems). */
  problems: boolean;
  /** `3 errors, 1 warning in 2 files` or `No problems found in 2 files`. */
  headline: string;
  /** `5 objects, 7 containers checked; 1 document skipped; 2 findings ignored`. */
  details: string;
}

export function summarySentence(summary: Summary): SummarySentence {
  const files = plural(summary.files, 'file');
  const counts: string[] = [];
  if (summary.errors > 0) counts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) counts.push(plural(summary.warnings, 'warning'));
  // "info" reads as a mass noun: "1 info", "2 info".
  if (summary.infos > 0) counts.push(`${summary.infos} info`);
  const problems = summary.errors + summary.warnings > 0;
  const headline = problems
    ? `${counts.join(', ')} in ${files}`
    : counts.length > 0
      ? `No problems found, ${counts.join(', ')} in ${files}`
      : `No problems found in ${files}`;

  // Image fields of kinds the image-site table does not list are counted apart: fewer rules judge them.
  const details = [
    summary.fallbackImageSites > 0
      ? `${plural(summary.objects, 'object')}, ${plural(summary.imageSites, 'image site')} checked, ${summary.fallbackImageSites} of them found only by the fallback for unlisted kinds`
      : `${plural(summary.objects, 'object')}, ${plural(summary.containers, 'container')} checked`,
  ];
  if (summary.skippedDocuments > 0) details.push(`${plural(summary.skippedDocuments, 'document')} skipped`);
  if (summary.ignored > 0) details.push(`${plural(summary.ignored, 'finding')} ignored by annotation`);
  return { problems, headline, details: details.join('; ') };
}
