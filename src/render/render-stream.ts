// Rendered files as one multi-document YAML stream, as `helm template` prints a chart: each file
// after a `---` line and a `# Source: PATH` comment, in the order the files were read. Pure.

export interface StreamFile {
  file: string;
  text: string;
}

export function renderStream(files: readonly StreamFile[]): string {
  let out = '';
  for (const { file, text } of files) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const newline = body.includes('\r\n') ? '\r\n' : '\n';
    out += `---${newline}# Source: ${file}${newline}${body}`;
    if (body !== '' && !body.endsWith('\n')) out += newline;
  }
  return out;
}
