import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployProgress } from '../../../src/cli/deploy-progress.js';
import type { WorkloadProgress } from '../../../src/deploy/watch-rollouts.js';

const progress = (ready: number, complete = false): WorkloadProgress => ({
  workload: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
  status: { observed: true, isNewPod: () => false, desired: 3, ready, complete },
});

describe('deployProgress', () => {
  it('a terminal gets one line redrawn in place, erased before other output', () => {
    let out = '';
    const p = deployProgress({ write: (text: string) => (out += text), isTTY: true });
    p.update(progress(1));
    p.update(progress(2));
    p.say('applied x\n');
    assert.equal(out, '\r\x1b[KDeployment web -n shop: 1/3 ready\r\x1b[KDeployment web -n shop: 2/3 ready\r\x1b[Kapplied x\n');
  });

  it('CI and pipes get plain lines', () => {
    let out = '';
    const p = deployProgress({ write: (text: string) => (out += text) });
    p.update(progress(1));
    p.update(progress(3, true));
    p.clear();
    assert.equal(out, 'Deployment web -n shop: 1/3 ready\nDeployment web -n shop: 3/3 rolled out\n');
  });
});
