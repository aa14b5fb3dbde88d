import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_DOCKER_HOST, dockerEndpoint } from '../../../../src/gateways/local/docker-engine-endpoint.js';

describe('dockerEndpoint (as the docker CLI finds its engine)', () => {
  let home: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'pullguard-docker-endpoint-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('DOCKER_HOST first, whatever the config says', async () => {
    assert.deepEqual(await dockerEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'other' }, home), { endpoint: { host: 'tcp://127.0.0.1:2375', from: 'DOCKER_HOST' } });
  });

  it('no config, or the default context: the default socket', async () => {
    assert.deepEqual(await dockerEndpoint({}, home), { endpoint: { host: DEFAULT_DOCKER_HOST, from: 'default' } });
    assert.deepEqual(await dockerEndpoint({ DOCKER_CONTEXT: 'default' }, home), { endpoint: { host: DEFAULT_DOCKER_HOST, from: 'default' } });
  });

  it('DOCKER_CONFIG moves the config and the contexts; a config that is not JSON is a reason, not a guess', async () => {
    const config = join(home, 'cfg');
    mkdirSync(config);
    writeFileSync(join(config, 'config.json'), '{not json');
    const found = await dockerEndpoint({ DOCKER_CONFIG: config }, home);
    assert.ok('unknown' in found);
    assert.match(found.unknown, new RegExp(`^cannot read ${join(config, 'config.json').replace(/[/.]/g, '\\$&')} \\(`));
  });
});
