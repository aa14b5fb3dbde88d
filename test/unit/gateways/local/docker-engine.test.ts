// The Docker Engine gateway against a real dockerd the test starts (test/support/docker-daemon):
// an image the engine holds, one it does not, names docker resolves (docker.io/library/...), the
// endpoint from DOCKER_HOST and from a docker context, and an engine that is not there.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dockerEngine } from '../../../../src/gateways/local/docker-engine.js';
import { startDockerDaemon, type DockerDaemon } from '../../../support/docker-daemon/index.js';

describe('docker engine (real dockerd)', () => {
  let daemon: DockerDaemon;
  let home: string;
  let id: string;
  before(async () => {
    daemon = await startDockerDaemon();
    id = await daemon.buildImage('myapp:dev');
    home = mkdtempSync(join(tmpdir(), 'pullguard-docker-home-'));
  });
  after(async () => {
    await daemon?.stop();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('finds an image the engine holds, by the name as written and as docker normalises it', async () => {
    const runtime = await dockerEngine({ HOME: home, DOCKER_HOST: daemon.host });
    assert.equal(runtime.endpoint, daemon.host);
    assert.deepEqual(await runtime.image('myapp:dev'), { value: { id } });
    assert.deepEqual(await runtime.image('docker.io/library/myapp:dev'), { value: { id } });
    assert.match(id, /^sha256:[0-9a-f]{64}$/);
  });

  it('says null for an image the engine does not hold (another tag, another name)', async () => {
    const runtime = await dockerEngine({ HOME: home, DOCKER_HOST: daemon.host });
    assert.deepEqual(await runtime.image('myapp:other'), { value: null });
    assert.deepEqual(await runtime.image('ghcr.io/acme/myapp:dev'), { value: null });
  });

  it('uses the endpoint of the current docker context (config.json currentContext, contexts/meta/<sha256>/meta.json)', async () => {
    const dockerDir = join(home, '.docker');
    const meta = join(dockerDir, 'contexts', 'meta', createHash('sha256').update('test-engine').digest('hex'));
    mkdirSync(meta, { recursive: true });
    writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: 'test-engine', Metadata: {}, Endpoints: { docker: { Host: daemon.host, SkipTLSVerify: false } } }));
    writeFileSync(join(dockerDir, 'config.json'), JSON.stringify({ currentContext: 'test-engine' }));
    const runtime = await dockerEngine({ HOME: home });
    assert.equal(runtime.endpoint, `${daemon.host}, docker context test-engine`);
    assert.deepEqual(await runtime.image('myapp:dev'), { value: { id } });
    // DOCKER_CONTEXT names another context, which does not exist: unknown, with the reason.
    const other = await dockerEngine({ HOME: home, DOCKER_CONTEXT: 'gone' });
    const answer = await other.image('myapp:dev');
    assert.ok('unknown' in answer);
    assert.match(answer.unknown, /^docker context gone does not exist \(no .*contexts\/meta\/[0-9a-f]{64}\/meta\.json\)$/);
  });

  it('reports an engine that is not there as unknown, never as "not present"', async () => {
    const runtime = await dockerEngine({ HOME: home, DOCKER_HOST: `unix://${join(home, 'no.sock')}` });
    assert.deepEqual(await runtime.image('myapp:dev'), { unknown: `docker at unix://${join(home, 'no.sock')} cannot be reached (ENOENT)` });
    const ssh = await dockerEngine({ HOME: home, DOCKER_HOST: 'ssh://me@builder' });
    assert.deepEqual(await ssh.image('myapp:dev'), { unknown: 'the docker endpoint ssh://me@builder is not one pullguard can ask (unix:// sockets and plain tcp:// only)' });
  });
});
