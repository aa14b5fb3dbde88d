// Raw SGR sequences rather than node:util styleText: styleText (Node >= 20.12) may check the
// stream and environment on its own, while the CLI alone decides colour (FormatContext.color).
// Each style closes with its own reset code so that styles nest.
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`);
}

const COLOURED: Palette = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  cyan: sgr(36, 39),
};

const identity = (text: string): string => text;
const PLAIN: Palette = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  green: identity,
  cyan: identity,
};

export function palette(color: boolean): Palette {
  return color ? COLOURED : PLAIN;
}
