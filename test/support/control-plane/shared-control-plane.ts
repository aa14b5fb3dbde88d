// One control plane per test file: started in `before`, stopped in `after` (which node:test runs
// even when tests fail). Tests take a fresh namespace each with createNamespace().
import { after, before } from 'node:test';
import { startControlPlane, type ControlPlane, type ControlPlaneOptions } from './control-plane.js';

/**
 * Call at the top level of a test file (or inside a describe); the returned function gives the
 * running control plane inside tests.
 */
export function sharedControlPlane(options: ControlPlaneOptions = {}): () => ControlPlane {
  let controlPlane: ControlPlane | undefined;
  before(async () => {
    controlPlane = await startControlPlane(options);
  });
  after(async () => {
    await controlPlane?.stop();
  });
  return () => {
    if (controlPlane === undefined) throw new Error('control plane: not started (use it inside a test, after `before`)');
    return controlPlane;
  };
}
