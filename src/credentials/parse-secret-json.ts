// JSON.parse for text that holds credentials. V8's SyntaxError messages quote the input around the
// error (`Unexpected token 'x', "{"auths":{"a"... is not valid JSON`), so they must never be shown;
// only the position survives.

export type SecretJsonResult = { ok: true; value: unknown } | { ok: false; detail: string };

export function parseSecretJson(text: string): SecretJsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (text.trim() === '') return { ok: false, detail: 'is empty, not JSON' };
    if (/end of JSON input/i.test(message)) return { ok: false, detail: 'is not valid JSON (it ends too early)' };
    const position = /at position (\d+)/.exec(message)?.[1];
    return { ok: false, detail: position === undefined ? 'is not valid JSON' : `is not valid JSON (error at character ${position})` };
  }
}
