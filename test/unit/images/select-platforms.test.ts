// Platform names, what an index or a config offers, and which node platforms find a runnable entry
// (containerd's `platforms.Normalize` and `platforms.Only`), as tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Platform } from '../../../src/facts/registry-gateway.js';
import {
  entriesWithoutPlatform,
  formatPlatform,
  normalizePlatform,
  parsePlatform,
  platformOfConfig,
  platformsOfIndex,
  selectPlatforms,
} from '../../../src/images/select-platforms.js';

const p = (text: string): Platform => {
  const platform = parsePlatform(text);
  if (platform === undefined) throw new Error(`bad platform in the table: ${text}`);
  return platform;
};

describe('normalizePlatform', () => {
  const table: [string, string][] = [
    ['linux/amd64', 'linux/amd64'],
    ['Linux/AMD64', 'linux/amd64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/x86-64', 'linux/amd64'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/amd64/v3', 'linux/amd64/v3'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm64/8', 'linux/arm64'],
    ['linux/arm64/v9', 'linux/arm64/v9'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/7', 'linux/arm/v7'],
    ['linux/arm/6', 'linux/arm/v6'],
    ['linux/armhf', 'linux/arm/v7'],
    ['linux/i386', 'linux/386'],
    ['windows/amd64', 'windows/amd64'],
  ];
  for (const [input, expected] of table) {
    it(`${input} → ${expected}`, () => assert.equal(formatPlatform(normalizePlatform(p(input))), expected));
  }
});

describe('parsePlatform', () => {
  it('reads os/arch and os/arch/variant', () => {
    assert.deepEqual(parsePlatform('linux/arm64'), { os: 'linux', architecture: 'arm64' });
    assert.deepEqual(parsePlatform('linux/arm/v7'), { os: 'linux', architecture: 'arm', variant: 'v7' });
  });
  for (const bad of ['', 'linux', 'linux/', '/amd64', 'linux/arm/v7/x', 'linux//v7']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parsePlatform(bad), undefined));
  }
});

describe('platformsOfIndex and entriesWithoutPlatform', () => {
  const index = {
    schemaVersion: 2,
    manifests: [
      { digest: 'sha256:a', mediaType: 'application/vnd.oci.image.manifest.v1+json', platform: { os: 'linux', architecture: 'amd64' } },
      { digest: 'sha256:b', platform: { os: 'linux', architecture: 'arm', variant: 'v6' } },
      // BuildKit attestations: by platform, by annotation.
      { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } },
      { digest: 'sha256:d', annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
      // No platform (it is optional; crane index append leaves it out when the config names none).
      { digest: 'sha256:e', mediaType: 'application/vnd.docker.distribution.manifest.v2+json' },
      // A platform that names nothing runnable: neither listed nor read from a config.
      { digest: 'sha256:f', platform: { os: 'linux' } },
      'not an entry',
      { platform: { os: 'linux', architecture: 's390x' } },
    ],
  };
  it('lists the platforms of the runnable entries', () => {
    assert.deepEqual(platformsOfIndex(index).map(formatPlatform), ['linux/amd64', 'linux/arm/v6', 'linux/s390x']);
  });
  it('finds the entries that name no platform, attestations left out', () => {
    assert.deepEqual(entriesWithoutPlatform(index), [{ digest: 'sha256:e', mediaType: 'application/vnd.docker.distribution.manifest.v2+json' }]);
  });
  for (const notAnIndex of [null, [], 'text', { manifests: 'x' }, {}]) {
    it(`reads nothing from ${JSON.stringify(notAnIndex)}`, () => {
      assert.deepEqual(platformsOfIndex(notAnIndex), []);
      assert.deepEqual(entriesWithoutPlatform(notAnIndex), []);
    });
  }
});

describe('platformOfConfig', () => {
  const table: [unknown, string | undefined][] = [
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64/v8'],
    [{ os: 'linux', architecture: 'amd64', variant: '' }, 'linux/amd64'],
    // What `crane append` without a base writes: a config that names no platform.
    [{ os: '', architecture: '' }, undefined],
    [{ os: 'linux', architecture: '' }, undefined],
    [{ architecture: 'amd64' }, undefined],
    [{ os: 7, architecture: 'amd64' }, undefined],
    [null, undefined],
  ];
  for (const [config, expected] of table) {
    it(`${JSON.stringify(config)} → ${String(expected)}`, () => {
      const platform = platformOfConfig(config);
      assert.equal(platform === undefined ? undefined : formatPlatform(platform), expected);
    });
  }
});

describe('selectPlatforms', () => {
  // node platform, offered platforms, expected: 'exact' | 'missing' | the fallback it runs
  const table: [string, string[], string][] = [
    ['linux/amd64', ['linux/amd64', 'linux/arm64'], 'exact'],
    ['linux/amd64', ['linux/x86_64'], 'exact'],
    ['linux/arm64', ['linux/arm64/v8'], 'exact'],
    ['linux/arm64', ['linux/aarch64'], 'exact'],
    ['linux/arm/v7', ['linux/arm'], 'exact'],
    ['linux/arm64', ['linux/amd64'], 'missing'],
    ['linux/amd64', ['windows/amd64'], 'missing'],
    ['linux/amd64', [], 'missing'],
    // amd64: lower variants, then 386.
    ['linux/amd64/v3', ['linux/amd64/v2', 'linux/amd64'], 'linux/amd64/v2'],
    ['linux/amd64', ['linux/amd64/v2'], 'missing'],
    ['linux/amd64', ['linux/386'], 'linux/386'],
    ['linux/amd64/v2', ['linux/386', 'linux/amd64'], 'linux/amd64'],
    // arm: lower variants down to v5, the closest first.
    ['linux/arm/v7', ['linux/arm/v5', 'linux/arm/v6'], 'linux/arm/v6'],
    ['linux/arm/v7', ['linux/arm/v4'], 'missing'],
    ['linux/arm/v6', ['linux/arm/v7'], 'missing'],
    // arm64 runs 32-bit arm v8 down to v5, after any arm64.
    ['linux/arm64', ['linux/arm/v7'], 'linux/arm/v7'],
    ['linux/arm64', ['linux/arm/v6', 'linux/arm/v7'], 'linux/arm/v7'],
    ['linux/arm64', ['linux/arm/v7', 'linux/arm64'], 'exact'],
    ['linux/arm/v7', ['linux/arm64'], 'missing'],
    ['linux/386', ['linux/amd64'], 'missing'],
  ];
  for (const [node, offered, expected] of table) {
    it(`a ${node} node and [${offered.join(', ')}] → ${expected}`, () => {
      const selection = selectPlatforms([p(node)], offered.map(p));
      const got =
        selection.missing.length > 0 ? 'missing' : selection.fallbacks.length > 0 ? formatPlatform(selection.fallbacks[0]!.offered) : 'exact';
      assert.equal(got, expected);
      if (got === 'missing') assert.deepEqual(selection.missing, [p(node)], 'reported as the nodes name it');
      else if (got !== 'exact') assert.deepEqual(selection.fallbacks[0]?.wanted, p(node));
    });
  }

  it('checks every node platform on its own', () => {
    const selection = selectPlatforms([p('linux/amd64'), p('linux/arm64'), p('linux/arm/v7')], [p('linux/amd64'), p('linux/arm/v6')]);
    assert.deepEqual(selection, {
      missing: [],
      fallbacks: [
        { wanted: p('linux/arm64'), offered: p('linux/arm/v6') },
        { wanted: p('linux/arm/v7'), offered: p('linux/arm/v6') },
      ],
    });
  });
});
