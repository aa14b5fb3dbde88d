// The one question `pullguard detect` may ask: on a terminal, when the evidence is too weak, is this
// context's cluster local or remote, and should the answer be kept in .pullguard.yaml. Questions and
// echo go to stderr so that stdout stays the answer (`-o json` can still be piped). Enter keeps the
// safe default: remote, not saved. End of input (Ctrl-D) answers the same.
import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';

export interface ClusterLocationAnswer {
  location: 'local' | 'remote';
  save: boolean;
}

/** Whether asking is allowed at all: a terminal on both ends, and no --non-interactive. */
export function mayAsk(io: CliIo, nonInteractive: boolean): boolean {
  return !nonInteractive && (io.stdin as { isTTY?: boolean }).isTTY === true && io.stderr.isTTY === true;
}

export async function askClusterLocation(io: CliIo, context: string, configName: string): Promise<ClusterLocationAnswer> {
  // The terminal echoes what is typed (canonical mode); readline only splits lines. Prompts go
  // through io.stderr, the run's redacting stream, like every other byte pullguard writes.
  const reader = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | undefined> => {
    io.stderr.write(question);
    const next = await lines.next();
    if (next.done === true) {
      io.stderr.write('\n');
      return undefined;
    }
    return (next.value as string).trim().toLowerCase();
  };
  try {
    io.stderr.write(`pullguard: the evidence for context "${context}" holds only hints (listed below).\n`);
    let location: 'local' | 'remote' | undefined;
    while (location === undefined) {
      const reply = await ask('Does this cluster run on this machine? [l]ocal or [r]emote (default remote): ');
      if (reply === undefined || reply === '' || reply === 'r' || reply === 'remote') location = 'remote';
      else if (reply === 'l' || reply === 'local') location = 'local';
      else io.stderr.write('pullguard: answer local or remote (l or r).\n');
    }
    const save = await ask(`Save "${location}" for context "${context}" in ${configName}? [y/N]: `);
    return { location, save: save === 'y' || save === 'yes' };
  } finally {
    reader.close();
    // A terminal stdin left reading would keep the process alive after the answer.
    io.stdin.pause();
    (io.stdin as { unref?: () => void }).unref?.();
  }
}
