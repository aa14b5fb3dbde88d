// The watch stream's 410 Gone handling against the real components: kube-apiserver with
// `--watch-cache=false` (watches read etcd, as they do for resources the cache does not hold) and
// etcd compacted through its own API. A watch whose stream ends and resumes from a resourceVersion
// that etcd compacted away is answered 410 Expired; it lists again and delivers the difference.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { KubeObject, WatchEventType } from '../../../../src/facts/cluster-writer.js';
import { openClusterWriter } from '../../../../src/gateways/kube/open-cluster-writer.js';
import { sharedControlPlane, startCuttableRelay, waitFor, type ControlPlane } from '../../../support/control-plane/index.js';

const controlPlane = sharedControlPlane({ extraApiserverArgs: ['--watch-cache=false'] });
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-watch-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const configMap = (namespace: string, name: string, v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { v } });
const describeEvent = (type: WatchEventType, object: KubeObject): string => `${type} ${object.metadata.name} ${(object.data as Record<string, string>).v}`;
const versionOf = (path: string): string | undefined => /[?&]resourceVersion=(\d+)/.exec(path)?.[1];
const isWatch = (path: string): boolean => /[?&]watch=1/.test(path);

/** What the server answers a watch from `resourceVersion` now: the first line of the stream. */
async function watchAnswer(cp: ControlPlane, namespace: string, resourceVersion: string): Promise<{ type: string; object: { code?: number; reason?: string; message?: string } }> {
  const response = await cp.request('GET', `/api/v1/namespaces/${namespace}/configmaps?watch=1&resourceVersion=${resourceVersion}&timeoutSeconds=1`, undefined, { accept: 'application/json' });
  return JSON.parse(response.text.split('\n')[0] ?? '') as { type: string; object: { code?: number } };
}

describe('watch stream: 410 Gone after etcd compaction (kube-apiserver --watch-cache=false)', () => {
  it('cut off while objects change and etcd compacts: resumes from its version, gets 410, re-lists and delivers ADDED, MODIFIED and DELETED for the gap', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(configMap(namespace, 'a', '1'));
    await cp.apply(configMap(namespace, 'b', '1'));
    const oldC = await cp.apply(configMap(namespace, 'c', '1'));
    await cp.apply(configMap(namespace, 'unchanged', '1'));
    const relay = await startCuttableRelay(cp);
    const requests: string[] = [];
    const writer = openClusterWriter({ kubeconfig: relay.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false, onRequest: (path) => requests.push(path) });
    const seen: string[] = [];
    const uids: string[] = [];
    const watch = writer.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace }, {
      onEvent: (type, object) => {
        seen.push(describeEvent(type, object));
        uids.push(object.metadata.uid ?? '');
      },
      onError: (error) => seen.push(`error ${error.message}`),
    });
    try {
      await watch.synced;
      assert.deepEqual(seen, ['ADDED a 1', 'ADDED b 1', 'ADDED c 1', 'ADDED unchanged 1']);
      const firstWatch = await waitFor('the watch request', async () => requests.find(isWatch));
      const resumeFrom = versionOf(firstWatch);
      assert.ok(resumeFrom !== undefined, firstWatch);

      // The outage: the stream ends, reconnects fail; meanwhile objects change and etcd compacts.
      relay.cut();
      await waitFor('the client to try to reconnect', async () => (relay.refusedSinceCut > 0 ? true : undefined));
      const cutAt = requests.length;
      await cp.apply(configMap(namespace, 'a', '2'));
      await cp.call('DELETE', `/api/v1/namespaces/${namespace}/configmaps/b`);
      await cp.call('DELETE', `/api/v1/namespaces/${namespace}/configmaps/c`);
      const newC = await cp.apply(configMap(namespace, 'c', '9'));
      await cp.apply(configMap(namespace, 'd', '1'));
      const compactedAt = await cp.compactEtcd();
      assert.ok(compactedAt > Number(resumeFrom) + 1);
      // The server itself says so: the version the watch resumes from is gone.
      const answer = await watchAnswer(cp, namespace, resumeFrom);
      assert.equal(answer.type, 'ERROR');
      assert.equal(answer.object.code, 410);
      assert.equal(answer.object.reason, 'Expired');
      assert.equal(seen.length, 4, 'nothing arrives during the outage');

      relay.restore();
      await waitFor('the re-list', async () => (seen.length >= 9 ? true : undefined));
      // The gap, as the list shows it: changed and new objects in list order, then what vanished.
      // `unchanged` is not repeated: a re-list that finds it as it was is no event.
      assert.deepEqual(seen.slice(4), ['MODIFIED a 2', 'ADDED c 9', 'ADDED d 1', 'DELETED b 1', 'DELETED c 1']);
      // c was deleted and created again: the new object is ADDED, the old one (its uid) DELETED.
      assert.equal(uids[5], newC.metadata.uid);
      assert.equal(uids[8], oldC.metadata.uid);

      // The requests after the cut: the watch from the old version (repeated while the relay refused
      // it), answered 410; one LIST; then a watch from the list's version.
      assert.ok(requests.slice(cutAt).some((path) => isWatch(path) && versionOf(path) === resumeFrom), requests.join('\n'));
      const others = (): string[] => requests.slice(cutAt).filter((path) => !(isWatch(path) && versionOf(path) === resumeFrom));
      await waitFor('the watch after the re-list', async () => (others().length >= 2 ? true : undefined));
      const [relist, rewatch, ...more] = others();
      assert.ok(relist !== undefined && !isWatch(relist) && versionOf(relist) === undefined, others().join('\n'));
      assert.ok(rewatch !== undefined && isWatch(rewatch) && Number(versionOf(rewatch)) >= compactedAt, others().join('\n'));
      assert.deepEqual(more, []);

      // And it streams on from there.
      await cp.apply(configMap(namespace, 'd', '2'));
      await waitFor('the change after the re-list', async () => (seen.length >= 10 ? true : undefined));
      assert.equal(seen[9], 'MODIFIED d 2');
    } finally {
      watch.stop();
      await writer.close();
      await relay.close();
    }
  });

  it('a stream the server ends (timeoutSeconds) resumes from its version; compacted, it re-lists without repeating what did not change', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(configMap(namespace, 'quiet', '1'));
    const requests: string[] = [];
    const writer = openClusterWriter({ kubeconfig: cp.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false, onRequest: (path) => requests.push(path), watchTimeoutSeconds: 1 });
    const seen: string[] = [];
    // Only `quiet`: the other writes below move etcd's revision on without an event for this watch.
    const watch = writer.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace, fieldSelector: 'metadata.name=quiet' }, {
      onEvent: (type, object) => seen.push(describeEvent(type, object)),
      onError: (error) => seen.push(`error ${error.message}`),
    });
    try {
      await watch.synced;
      const firstWatch = await waitFor('the watch request', async () => requests.find(isWatch));
      const listedAt = versionOf(firstWatch) ?? '';
      // The server ends the stream after a second; it is reopened from the same version.
      await waitFor('the stream to be reopened', async () => (requests.filter((path) => isWatch(path) && versionOf(path) === listedAt).length >= 2 ? true : undefined), { timeoutMs: 10_000 });
      await cp.apply(configMap(namespace, 'noise', '1'));
      await cp.apply(configMap(namespace, 'noise', '2'));
      const compactedAt = await cp.compactEtcd();
      // The next reopen gets 410: one LIST, then a watch from the list's version.
      const rewatch = await waitFor('the watch after the re-list', async () => requests.find((path) => isWatch(path) && Number(versionOf(path)) >= compactedAt), { timeoutMs: 10_000 });
      // Requests: LIST, watches from the listed version (one per second), LIST, watch from the new one.
      const kinds = requests.slice(0, requests.indexOf(rewatch) + 1).filter((path) => path.includes('/configmaps')).map((path) => (!isWatch(path) ? 'LIST' : versionOf(path) === listedAt ? 'WATCH old' : 'WATCH new'));
      assert.match(kinds.join(','), /^LIST(,WATCH old){2,},LIST,WATCH new$/, requests.join('\n'));
      await cp.apply(configMap(namespace, 'quiet', '2'));
      await waitFor('the change', async () => (seen.length >= 2 ? true : undefined));
      assert.deepEqual(seen, ['ADDED quiet 1', 'MODIFIED quiet 2']);
    } finally {
      watch.stop();
      await writer.close();
    }
  });
});
