// `deploy --load`: runs a target's exact load command (`kind load docker-image app:dev --name dev`)
// after checking its tool is on PATH. The command is the target profile's own text, shown to the
// user as it is run; it runs in /bin/sh because some are pipelines (`docker save … | k3s ctr …`).
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first word of a command line: the tool that has to be installed. */
export function toolOf(command: string): string {
  return command.trim().split(/\s+/)[0] ?? '';
}

export function toolInstalled(tool: string, env: Readonly<Record<string, string | undefined>>): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

export interface LoadRun {
  exitCode: number;
  /** The last lines the tool printed (stdout and stderr), for the message when it fails. */
  output: string;
}

export function runLoadCommand(command: string, env: Readonly<Record<string, string | undefined>>): Promise<LoadRun> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ exitCode: 127, output: error.message }));
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: output.trim().split('\n').slice(-5).join('\n') }));
  });
}
