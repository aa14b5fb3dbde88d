// What a registry says in an error body: `{"errors":[{"code","message","detail"}]}` per the
// distribution spec, OAuth2's `{"error","details"}` from token services, or plain text (ECR's
// `Not Authorized`). Only code and message are kept; `detail` may echo request data. The message
// is kept whole here: it is cut (clipRegistryMessage) only after secrets are redacted from it.

export interface RegistryErrorFields {
  errorCode?: string;
  registryMessage?: string;
}

const MAX_MESSAGE_CHARS = 200;

/** The first line, at most 200 characters: call it on redacted text only. */
export function clipRegistryMessage(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim();
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS)}…` : line;
}

export function parseRegistryError(body: Buffer, contentType: string | undefined): RegistryErrorFields {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[]; error?: unknown; details?: unknown };
    const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
    const fields: RegistryErrorFields = {};
    if (typeof first?.code === 'string') fields.errorCode = first.code;
    if (typeof first?.message === 'string') fields.registryMessage = first.message;
    if (fields.errorCode === undefined && typeof parsed.error === 'string') fields.errorCode = parsed.error;
    if (fields.registryMessage === undefined && typeof parsed.details === 'string') fields.registryMessage = parsed.details;
    return fields;
  } catch {
    return contentType?.toLowerCase().startsWith('text/plain') === true ? { registryMessage: text } : {};
  }
}
