// What a user pastes is rarely the runtime's message alone: a row of the `kubectl describe` Events
// table or of `kubectl get events`, a kubelet or containerd log line with its quotes escaped, a
// waiting reason in front (`ErrImagePull: …`, as tools render it), terminal colours. This turns
// such a line into the message itself, on one line, bounded in length. Pure.

/** Longer messages keep their start (the wrappers, the image) and their end (the leaf). */
export const MAX_MESSAGE_CHARS = 32_768;
const KEEP_EACH_END = MAX_MESSAGE_CHARS / 2;

const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;
// C0 and C1 controls and DEL; line breaks of a message pasted over several lines become spaces.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Quotes escaped once (`\"` in a log line) or twice (`\\\"` in a log line quoting another).
const ESCAPED_QUOTE = /\\+"/g;
// A Go `%q`-escaped line break that stayed in the text (`…no basic auth credentials\n"`).
const ESCAPED_BREAK = /\\[nrt]/g;

/**
 * Where kubelet's own event and status messages begin. A row of the Events table has columns
 * (type, reason, age with `(xN over M)`, source such as `kubelet, NODE`, fieldPath) before one of these.
 */
const MESSAGE_START =
  /Failed to pull image|Failed to inspect image|Failed to apply default image tag|Back-off pulling image|[Pp]ulling image "|Container image "|Error: [A-Z]\w+\s*$|Failed (?:to )?create pod sandbox|Unable to retrieve (?:some image pull secrets|pull secret)|Error syncing pod|Successfully pulled image|image pull failed for /;
/** `spec.containers{NAME}: ` (newer kubectl describe) and the aggregator's prefix. */
const FIELD_PATH = /(?:spec\.(?:initContainers|containers|ephemeralContainers)\{[^}]*\}: ?)|\(combined from similar events\): /g;
/** A waiting reason that tools put in front; RegistryUnavailable and SignatureValidationFailed stay (they are CRI-O's own prefixes). */
const REASON_PREFIX = /^(?:Reason: )?(?:ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName|ImageInspectError): (?=\S)/;

/** The message on one line, unescaped, without the columns around it; '' for a blank line. */
export function normalizePullMessage(raw: string): string {
  let text = raw.length > MAX_MESSAGE_CHARS ? `${raw.slice(0, KEEP_EACH_END)} … ${raw.slice(-KEEP_EACH_END)}` : raw;
  if (text.includes('\u001b')) text = text.replace(ANSI_ESCAPE, '');
  text = text.replace(CONTROL, ' ');
  if (text.includes('\\')) text = text.replace(ESCAPED_QUOTE, '"').replace(ESCAPED_BREAK, ' ');
  text = text.trim();
  return stripReason(stripEventColumns(text));
}

/** How a row with columns begins: the event type, an age (`3m`, `0s`), a reason before blanks, an old `{kubelet …}` source. */
const COLUMNS_AHEAD = /^(?:(?:Warning|Normal)\b|\d|[A-Z][A-Za-z]+ {2,}|\{kubelet)/;

function stripEventColumns(text: string): string {
  const start = COLUMNS_AHEAD.test(text) ? MESSAGE_START.exec(text) : null;
  if (start === null || start.index === 0) return text.includes('spec.') || text.includes('(combined') ? text.replace(FIELD_PATH, '') : text;
  const columns = text.slice(0, start.index).replace(FIELD_PATH, '');
  // Columns hold no quotes and no "word: " (which would make them part of a message or a log line).
  if (columns.includes('"') || /:\s/.test(columns)) return text;
  return text.slice(start.index);
}

function stripReason(text: string): string {
  return text.replace(REASON_PREFIX, '');
}
