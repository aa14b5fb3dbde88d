// The one-line verdict shared by the text, markdown and github formatters:
// "3 errors, 1 warning in 2 files" + "5 objects, 7 containers checked; 1 document skipped", and
// for `check` what the registry checks came to: "2 images: 1 verified, 1 not verified (dns-error)".
import { unverifiedFailsRun } from '../core/summarize-images.js';
import type { ImageSummary, Summary } from '../core/types.js';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export interface SummarySentence {
  /** Errors or warnings were found, or images could not be verified under the `fail` policy (infos alone are not problems). */
  problems: boolean;
  /** `3 errors, 1 warning in 2 files` or `No problems found in 2 files`. */
  headline: string;
  /** `5 objects, 7 containers checked; 1 document skipped; 2 findings ignored`. */
  details: string;
  /**
   * For `check` runs with unverified images: what they do to the exit code and how to change it,
   * e.g. `1 image could not be verified from this machine (dns-error): exit code 1; ...`.
   */
  unverified?: string;
}

/** `1 verified, 2 not verified (1 dns-error, 1 network-timeout), 1 not verifiable from here (node identity)`. */
function imageDetails(images: ImageSummary): string {
  const parts: string[] = [];
  if (images.verified > 0) parts.push(`${images.verified} verified`);
  if (images.failed > 0) parts.push(`${images.failed} failed`);
  if (images.unverified > 0) parts.push(`${images.unverified} not verified (${causeCounts(images)})`);
  if (images.nodeIdentity > 0) parts.push(`${images.nodeIdentity} not verifiable from here (node identity)`);
  return `${plural(images.checked, 'image')}${parts.length === 0 ? '' : `: ${parts.join(', ')}`}`;
}

function causeCounts(images: ImageSummary): string {
  return Object.entries(images.unverifiedByCause)
    .map(([cause, count]) => `${count} ${cause}`)
    .join(', ');
}

function unverifiedSentence(images: ImageSummary): string {
  const what = `${images.unverified === 1 ? '1 image' : `${images.unverified} images`} could not be verified from this machine (${causeCounts(images)})`;
  return images.unverifiedPolicy === 'fail'
    ? `${what}: exit code 1; to accept that, pass --unverified allow or set "unverified: allow" in .pullguard.yaml`
    : `${what}; the unverified policy is "allow", so this does not change the exit code`;
}

export function summarySentence(summary: Summary): SummarySentence {
  const files = plural(summary.files, 'file');
  const counts: string[] = [];
  if (summary.errors > 0) counts.push(plural(summary.errors, 'error'));
  if (summary.warnings > 0) counts.push(plural(summary.warnings, 'warning'));
  // "info" reads as a mass noun: "1 info", "2 info".
  if (summary.infos > 0) counts.push(`${summary.infos} info`);
  const findings = summary.errors + summary.warnings > 0;
  const unverifiedFails = unverifiedFailsRun(summary);
  const headline = findings
    ? `${counts.join(', ')} in ${files}`
    : unverifiedFails
      ? `${counts.length > 0 ? `${counts.join(', ')} in ${files}` : `No findings in ${files}`}, but not every image could be verified`
      : counts.length > 0
      ? `No problems found, ${counts.join(', ')} in ${files}`
      : `No problems found in ${files}`;

  // Image fields of kinds the image-site table does not list are counted apart: fewer rules judge them.
  const details = [
    summary.fallbackImageSites > 0
      ? `${plural(summary.objects, 'object')}, ${plural(summary.imageSites, 'image site')} checked, ${summary.fallbackImageSites} of them found only by the fallback for unlisted kinds`
      : `${plural(summary.objects, 'object')}, ${plural(summary.containers, 'container')} checked`,
  ];
  // No image reached a registry check (all `Never`, templated or invalid): nothing to say.
  if (summary.images !== undefined && summary.images.checked > 0) details.push(imageDetails(summary.images));
  if (summary.skippedDocuments > 0) details.push(`${plural(summary.skippedDocuments, 'document')} skipped`);
  if (summary.ignored > 0) details.push(`${plural(summary.ignored, 'finding')} ignored by annotation`);
  const sentence: SummarySentence = { problems: findings || unverifiedFails, headline, details: details.join('; ') };
  if (summary.images !== undefined && summary.images.unverified > 0) sentence.unverified = unverifiedSentence(summary.images);
  return sentence;
}
