// deploy's progress: on a terminal one line redrawn in place (`Deployment web: 2/3 ready`), in CI
// and pipes a plain line each time a workload's count changes. Other lines pass through.
import type { WorkloadProgress } from '../deploy/watch-rollouts.js';
import { describeRef } from '../facts/cluster-writer.js';

interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface DeployProgress {
  say(text: string): void;
  update(progress: WorkloadProgress): void;
  clear(): void;
}

export function deployProgress(out: Out): DeployProgress {
  const tty = out.isTTY === true;
  let drawn = false;
  const clear = (): void => {
    if (drawn) out.write('\r\x1b[K');
    drawn = false;
  };
  return {
    say(text) {
      clear();
      out.write(text);
    },
    update({ workload, status }) {
      const line = `${describeRef(workload)}: ${status.ready}/${status.desired} ${status.complete ? 'rolled out' : status.observed ? 'ready' : 'waiting for the controller'}`;
      if (tty) {
        out.write(`\r\x1b[K${line}`);
        drawn = true;
      } else out.write(`${line}\n`);
    },
    clear,
  };
}
