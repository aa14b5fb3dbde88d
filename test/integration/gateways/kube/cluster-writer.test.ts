// The live ClusterWriter against the real kube-apiserver: server-side apply (dry-run stores
// nothing, the real one is owned by field manager pullguard), rejections and conflicts as data,
// get/delete of missing objects, discovery, and a watch that lists and then streams changes.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { KubeObject, WatchEventType } from '../../../../src/facts/cluster-writer.js';
import { openClusterWriter, type LiveClusterWriter } from '../../../../src/gateways/kube/open-cluster-writer.js';
import { sharedControlPlane, waitFor } from '../../../support/control-plane/index.js';

const controlPlane = sharedControlPlane();
let dir: string;
let writer: LiveClusterWriter;
const requests: string[] = [];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-writer-'));
});
after(async () => {
  await writer?.close();
  await rm(dir, { recursive: true, force: true });
});

const configMap = (namespace: string, name: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });

describe('openClusterWriter against the control plane', () => {
  before(() => {
    writer = openClusterWriter({ kubeconfig: controlPlane().adminKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false, onRequest: (path) => requests.push(path) });
  });

  it('dry-run stores nothing; apply creates with field manager pullguard; get and delete', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace };
    const dry = await writer.apply(configMap(namespace, 'settings', { a: '1' }), { dryRun: true });
    assert.ok('value' in dry);
    assert.deepEqual(await writer.get(ref), { value: null });
    const real = await writer.apply(configMap(namespace, 'settings', { a: '1' }), { dryRun: false });
    assert.ok('value' in real);
    assert.deepEqual((real.value.metadata.managedFields as { manager: string }[]).map((f) => f.manager), ['pullguard']);
    const got = await writer.get(ref);
    assert.ok('value' in got && got.value !== null);
    assert.deepEqual(got.value.data, { a: '1' });
    assert.deepEqual(await writer.delete(ref), { value: undefined });
    assert.deepEqual(await writer.get(ref), { value: null });
    // Deleting what is gone is not an error.
    assert.deepEqual(await writer.delete(ref), { value: undefined });
  });

  it('rejections carry the server message and causes; conflicts need force', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const bad = await writer.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace }, spec: { ports: [{ port: 70000 }] } }, { dryRun: true });
    assert.ok('error' in bad);
    assert.equal(bad.error.kind, 'rejected');
    assert.equal(bad.error.status, 422);
    assert.match(bad.error.message, /spec\.ports\[0\]\.port: Invalid value: 70000/);
    assert.ok(bad.error.causes?.some((c) => c.field === 'spec.ports[0].port'));
    await cp.apply(configMap(namespace, 'owned', { a: 'theirs' }));
    const conflict = await writer.apply(configMap(namespace, 'owned', { a: 'ours' }), { dryRun: false });
    assert.ok('error' in conflict);
    assert.equal(conflict.error.kind, 'conflict');
    const forced = await writer.apply(configMap(namespace, 'owned', { a: 'ours' }), { dryRun: false, force: true });
    assert.ok('value' in forced);
    assert.deepEqual(forced.value.data, { a: 'ours' });
  });

  it('discovery: scope of served kinds, unknown-kind for the others', async () => {
    assert.deepEqual(await writer.resource('apps/v1', 'Deployment'), { value: { namespaced: true } });
    assert.deepEqual(await writer.resource('v1', 'Namespace'), { value: { namespaced: false } });
    const unknown = await writer.resource('example.com/v1', 'Widget');
    assert.ok('error' in unknown);
    assert.equal(unknown.error.kind, 'unknown-kind');
    assert.equal(unknown.error.message, 'the server does not serve Widget in example.com/v1');
  });

  it('watch: the list arrives as ADDED, then changes stream in; no polling', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(configMap(namespace, 'first', { v: '1' }));
    const seen: string[] = [];
    const before = requests.length;
    const watch = writer.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace, fieldSelector: 'metadata.name!=kube-root-ca.crt' }, {
      onEvent: (type: WatchEventType, object) => seen.push(`${type} ${object.metadata.name} ${(object.data as Record<string, string>).v}`),
    });
    await watch.synced;
    await cp.apply(configMap(namespace, 'first', { v: '2' }));
    await cp.apply(configMap(namespace, 'second', { v: '1' }));
    await cp.call('DELETE', `/api/v1/namespaces/${namespace}/configmaps/first`);
    await waitFor('the delete to stream in', async () => (seen.length >= 4 ? true : undefined));
    watch.stop();
    assert.deepEqual(seen, ['ADDED first 1', 'MODIFIED first 2', 'ADDED second 1', 'DELETED first 2']);
    const made = requests.slice(before);
    assert.equal(made.length, 2, made.join('\n'));
    assert.match(made[1] ?? '', /[?&]watch=1&allowWatchBookmarks=true&resourceVersion=\d+/);
  });
  it('watch: resumed from an earlier resourceVersion, it replays what changed since without a LIST, then streams', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const created = await cp.apply(configMap(namespace, 'kept', { v: '1' }));
    await cp.apply(configMap(namespace, 'kept', { v: '2' }));
    const seen: string[] = [];
    const before = requests.length;
    const since = String(Number(created.metadata['resourceVersion']) - 1);
    const watch = writer.watch({ apiVersion: 'v1', kind: 'ConfigMap', namespace, fieldSelector: 'metadata.name=kept', since }, {
      onEvent: (type: WatchEventType, object) => seen.push(`${type} ${object.metadata.name} ${(object.data as Record<string, string>).v}`),
    });
    await waitFor('the replay', async () => (seen.length >= 2 ? true : undefined));
    await cp.apply(configMap(namespace, 'kept', { v: '3' }));
    await waitFor('the change after it', async () => (seen.length >= 3 ? true : undefined));
    watch.stop();
    assert.deepEqual(seen, ['ADDED kept 1', 'MODIFIED kept 2', 'MODIFIED kept 3']);
    const made = requests.slice(before);
    assert.equal(made.length, 1, made.join('\n'));
    assert.match(made[0] ?? '', new RegExp(`watch=1&allowWatchBookmarks=true&resourceVersion=${since}&`));
  });
});
