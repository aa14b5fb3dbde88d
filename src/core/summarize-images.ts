// What the registry checks of a run came to (`summary.images`), and which of them `check` could
// not verify. The line between "failed" and "could not verify" is the cause catalogue's `vantage`:
// a `registry` answer (not found, unauthorized, forbidden, platform, format) is the same from any
// client, so it is a verdict about the nodes; a `network` one (DNS, refused, timeout, TLS, rate
// limit, 5xx, plain HTTP where HTTPS was expected, and `unknown` when the time budget ran out) only
// says what happened between this machine and the registry, and the nodes may see another network.
// Node-identity registries (ACR on AKS, ...) are apart: pullguard cannot verify them from anywhere
// by design, so they are counted but never fail the run.
import { getCause } from '../causes/index.js';
import { NODE_IDENTITY_SOURCE } from '../credentials/node-identity.js';
import type { ImageSummary, ImageVerdict, UnverifiedPolicy } from './types.js';

export type ImageCheckOutcome = 'verified' | 'failed' | 'unverified' | 'node-identity';

export function imageCheckOutcome(verdict: Pick<ImageVerdict, 'status' | 'credentialSource'>): ImageCheckOutcome {
  if (verdict.status === 'ok') return 'verified';
  if (verdict.status === 'unknown' && verdict.credentialSource === NODE_IDENTITY_SOURCE) return 'node-identity';
  return getCause(verdict.status).vantage === 'network' ? 'unverified' : 'failed';
}

export function summarizeImages(verdicts: readonly ImageVerdict[], unverifiedPolicy: UnverifiedPolicy): ImageSummary {
  const summary: ImageSummary = { checked: verdicts.length, verified: 0, failed: 0, unverified: 0, unverifiedByCause: {}, nodeIdentity: 0, unverifiedPolicy };
  for (const verdict of verdicts) {
    const outcome = imageCheckOutcome(verdict);
    const { status } = verdict;
    if (outcome === 'verified' || status === 'ok') summary.verified++;
    else if (outcome === 'failed') summary.failed++;
    else if (outcome === 'node-identity') summary.nodeIdentity++;
    else {
      summary.unverified++;
      summary.unverifiedByCause[status] = (summary.unverifiedByCause[status] ?? 0) + 1;
    }
  }
  // Sorted keys: the same JSON and text whatever order the checks ended in.
  summary.unverifiedByCause = Object.fromEntries(
    Object.entries(summary.unverifiedByCause).sort(([a], [b]) => a.localeCompare(b)),
  );
  return summary;
}

/** The run fails because of images it could not verify (exit code 1 whatever `--fail-on` says). */
export function unverifiedFailsRun(summary: { images?: ImageSummary }): boolean {
  return summary.images !== undefined && summary.images.unverified > 0 && summary.images.unverifiedPolicy === 'fail';
}
