// A detached shell that outlives the test process: once that process is gone without having
// stopped its control plane (killed with SIGKILL, crashed), it kills the PIDs listed in
// <dir>/pids — only those whose command line still names <dir>, so a reused PID is never hit —
// and removes <dir>.
import { spawn } from 'node:child_process';

const SCRIPT = `
owner="$1"; dir="$2"
while kill -0 "$owner" 2>/dev/null; do sleep 0.5; done
if [ -f "$dir/pids" ]; then
  while read -r pid; do
    if [ -n "$pid" ] && tr '\\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir"; then
      kill -9 "$pid" 2>/dev/null
    fi
  done <"$dir/pids"
fi
rm -rf -- "$dir"
`;

/** Starts the watchdog for `dir`; returns its PID (to be killed when the control plane stops normally). */
export function startWatchdog(dir: string, ownerPid: number = process.pid): number {
  const child = spawn('bash', ['-c', SCRIPT, 'pullguard-control-plane-watchdog', String(ownerPid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  if (child.pid === undefined) throw new Error('control plane: could not start the watchdog (bash)');
  return child.pid;
}
