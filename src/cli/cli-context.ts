// What every command's registration gets: the streams, the raw argv (for flags commander folds),
// and where its action leaves the exit code.
import type { CliIo } from './io.js';

export interface CliContext {
  readonly io: CliIo;
  readonly argv: readonly string[];
  exitCode: number;
}
