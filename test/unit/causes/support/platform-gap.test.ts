// The platform sentences, one per shape of image: an index without the nodes' platform fails the
// pull; a single-platform image pulls and fails to start; a config naming no platform is a note.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { platformGapSummary, unnamedPlatformNote } from '../../../../src/causes/support/platform-gap.js';

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };
const armV6 = { os: 'linux', architecture: 'arm', variant: 'v6' };
const armV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
const windows = { os: 'windows', architecture: 'amd64' };

describe('platformGapSummary', () => {
  const table: [string, Parameters<typeof platformGapSummary>[1], string][] = [
    [
      'an index without one node platform',
      { shape: 'index', missing: [arm64], offered: [amd64] },
      'web:1 offers linux/amd64 but not linux/arm64: linux/arm64 nodes fail to pull it (no match for platform in manifest)',
    ],
    [
      'an index without two node platforms',
      { shape: 'index', missing: [arm64, armV7], offered: [amd64] },
      'web:1 offers linux/amd64 but not linux/arm64, linux/arm/v7: linux/arm64, linux/arm/v7 nodes fail to pull it (no match for platform in manifest)',
    ],
    [
      'an index listing a platform twice',
      { shape: 'index', missing: [arm64], offered: [amd64, amd64, armV7] },
      'web:1 offers linux/amd64, linux/arm/v7 but not linux/arm64: linux/arm64 nodes fail to pull it (no match for platform in manifest)',
    ],
    [
      'an index with only attestations',
      { shape: 'index', missing: [amd64], offered: [] },
      'web:1 lists no runnable platform in its index: linux/amd64 nodes fail to pull it (no match for platform in manifest)',
    ],
    [
      'a single-platform image of another architecture',
      { shape: 'single-manifest', missing: [amd64], offered: [arm64] },
      'web:1 is a single-platform image for linux/arm64, not linux/amd64: linux/amd64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)',
    ],
    [
      'a single-platform image of another os',
      { shape: 'single-manifest', missing: [windows], offered: [amd64] },
      'web:1 is a single-platform image for linux/amd64, not windows/amd64: windows/amd64 nodes pull it, but its container fails to start there (CrashLoopBackOff)',
    ],
    [
      'a single-platform image of a higher variant of the same architecture',
      { shape: 'single-manifest', missing: [armV6], offered: [armV7] },
      'web:1 is a single-platform image for linux/arm/v7, not linux/arm/v6: linux/arm/v6 nodes pull it, but its container fails to start there (CrashLoopBackOff)',
    ],
    [
      'a single-platform image for some nodes but not others',
      { shape: 'single-manifest', missing: [arm64], offered: [{ os: 'linux', architecture: 'x86_64' }] },
      'web:1 is a single-platform image for linux/x86_64, not linux/arm64: linux/arm64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)',
    ],
  ];
  for (const [name, gap, expected] of table) {
    it(name, () => assert.equal(platformGapSummary('web:1', gap), expected));
  }
});

describe('unnamedPlatformNote', () => {
  const table: [unknown, string][] = [
    [{ os: '', architecture: '' }, 'its config names no os or architecture, so every node pulls it, and it starts only where its binaries can run'],
    [{}, 'its config names no os or architecture, so every node pulls it, and it starts only where its binaries can run'],
    [{ os: 'linux', architecture: '' }, 'its config names os linux but no architecture, so every node pulls it, and it starts only where its binaries can run'],
    [{ architecture: 'arm64' }, 'its config names architecture arm64 but no os, so every node pulls it, and it starts only where its binaries can run'],
    [null, 'its config names no os or architecture, so every node pulls it, and it starts only where its binaries can run'],
  ];
  for (const [config, expected] of table) {
    it(JSON.stringify(config), () => assert.equal(unnamedPlatformNote(config), expected));
  }
});
