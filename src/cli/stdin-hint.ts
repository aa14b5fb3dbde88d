// `pullguard lint -` typed at a terminal waits for input that the user may not know it wants; one
// line on stderr says so. Piped input (`helm template . | pullguard lint -`) gets no line.
interface Terminal {
  write(text: string): unknown;
}

export const STDIN_HINT = 'pullguard: reading manifests from standard input (end with Ctrl-D; Ctrl-C to cancel)...\n';

export function hintIfStdinIsTerminal(paths: readonly string[], stdin: NodeJS.ReadableStream, stderr: Terminal): void {
  if (paths.includes('-') && (stdin as { isTTY?: boolean }).isTTY === true) stderr.write(STDIN_HINT);
}
