// `pullguard classify [MESSAGE...]`: what each pull-error message means, one result per message
// in input order: the arguments, or standard input one message per line (what a user pastes from
// `kubectl describe pod` or `kubectl get events`). An empty or unrecognisable line is `unknown`,
// never skipped, so that result N is always about line N.
import { createInterface } from 'node:readline';
import { classifyMessage, type MessageClassification } from '../causes/classify-message.js';
import type { RemediationTarget } from '../causes/index.js';
import { getTargetProfile } from '../detect/profiles.js';
import type { TargetId } from '../detect/target-profile.js';

export interface ClassifyOptions {
  /** The messages; without them, `stdin` is read line by line. */
  messages?: readonly string[];
  stdin?: NodeJS.ReadableStream;
  /** The kind of cluster the fixes are for (default remote). */
  target?: TargetId;
}

export interface ClassifiedMessage extends MessageClassification {
  /** 1-based: the argument's position, or the line's number on standard input. */
  input: number;
}

function remediationTarget(id: TargetId): RemediationTarget {
  const profile = getTargetProfile(id);
  return { id, howToShipImages: profile?.howToShipImages ?? '' };
}

/** The results in input order, as the input arrives (standard input is never held whole). */
export async function* classify(options: ClassifyOptions): AsyncGenerator<ClassifiedMessage> {
  const target = remediationTarget(options.target ?? 'remote');
  let input = 0;
  const lines: AsyncIterable<string> | Iterable<string> =
    options.messages !== undefined && options.messages.length > 0
      ? options.messages
      : createInterface({ input: options.stdin ?? process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    input += 1;
    yield { input, ...classifyMessage(line, { target }) };
  }
}

/** One JSON object per line; the field order is fixed (docs/classify.md). */
export function formatClassificationJson(result: ClassifiedMessage): string {
  return `${JSON.stringify({
    input: result.input,
    cause: result.cause,
    transient: result.transient,
    recurrence: result.recurrence,
    image: result.image ?? null,
    registry: result.registry ?? null,
    host: result.host ?? null,
    summary: result.summary,
    fix: result.fix,
    evidence: result.evidence ?? null,
    credentialsSent: result.credentialsSent ?? null,
  })}\n`;
}

/** A block per message for reading: the cause first, then what the message named and the fix. */
export function formatClassificationText(result: ClassifiedMessage, label: string): string {
  const rows: [string, string | undefined][] = [
    ['image', result.image],
    ['registry', result.registry],
    // Only when it adds something: a mirror, a CDN, the address the node dialled.
    ['host', result.host === result.registry ? undefined : result.host],
    ['why', result.summary],
    ['evidence', result.evidence === undefined ? undefined : `"${result.evidence}"`],
    ['fix', result.fix],
  ];
  const kind = result.transient ? 'transient: a later attempt may succeed' : 'deterministic: retrying will not help';
  const body = rows.filter((row): row is [string, string] => row[1] !== undefined).map(([key, value]) => `  ${`${key}:`.padEnd(10)}${value}`);
  return [`${label}: ${result.cause} (${kind})`, ...body, ''].join('\n') + '\n';
}
