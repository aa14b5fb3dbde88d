// One child process of the control plane: output goes to a log file (read back only to explain a
// failure), and it is stopped by its PID: SIGTERM, then SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logPath: string;
  /** Settles when the process has exited and been reaped. */
  readonly exited: Promise<ProcessExit>;
  hasExited(): boolean;
  stop(graceMs?: number): Promise<void>;
  /** The last lines of its log, for error messages. */
  logTail(lines?: number): string;
}

export function startProcess(name: string, command: string, args: readonly string[], logPath: string): ManagedProcess {
  const log = openSync(logPath, 'a');
  let child;
  try {
    child = spawn(command, args, { stdio: ['ignore', log, log], env: { ...process.env, GOTRACEBACK: 'single' } });
  } finally {
    closeSync(log);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`control plane: could not start ${name} (${command})`);
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  child.once('error', () => undefined); // reported through 'exit' and the log

  const logTail = (lines = 15): string => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  return {
    name,
    pid,
    logPath,
    exited,
    hasExited: () => exit !== undefined,
    logTail,
    async stop(graceMs = 5000): Promise<void> {
      if (exit !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Whether a PID names a live process (a zombie waiting to be reaped counts as gone). */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may contain spaces.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
