// The render flags: what each accepts, and the exact message for each kind of mistake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { parseRenderFlags, type RenderFlags } from '../../../src/render/parse-render-flags.js';
import { UsageError } from '../../../src/shared/errors.js';

const AKS = getTargetProfile('aks')!;

function error(flags: RenderFlags): string {
  try {
    parseRenderFlags(AKS, flags);
  } catch (e) {
    assert.ok(e instanceof UsageError);
    return `${e.message}${e.hint === undefined ? '' : ` | ${e.hint}`}`;
  }
  return 'accepted';
}

describe('parseRenderFlags', () => {
  it('reads every flag', () => {
    const options = parseRenderFlags(AKS, {
      registry: 'ghcr.io/acme/',
      set: ['TAG=1.0', 'NS=team'],
      tag: ['2.0', 'nginx=1.27'],
      digest: [`web=sha256:${'a'.repeat(64)}`],
      pullSecret: ['ghcr-pull'],
      pullPolicy: 'IfNotPresent',
    });
    assert.equal(options.registry, 'ghcr.io/acme');
    assert.deepEqual([...options.set], [['TAG', '1.0'], ['NS', 'team']]);
    assert.equal(options.tag, '2.0');
    assert.deepEqual([...options.tagByName], [['nginx', '1.27']]);
    assert.deepEqual([...options.digestByName], [['web', `sha256:${'a'.repeat(64)}`]]);
    assert.deepEqual(options.pullSecrets, ['ghcr-pull']);
    assert.equal(options.pullPolicy, 'IfNotPresent');
  });

  const rows: [RenderFlags, string][] = [
    [{ registry: 'localhost:5001' }, 'accepted'],
    [{ registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team' }, 'accepted'],
    [{ registry: 'acme' }, '--registry "acme" does not start with a registry host: "acme" would be read as a Docker Hub account | A host has a dot or a port, or is localhost; for Docker Hub write --registry docker.io/acme.'],
    [{ registry: 'My.Registry.io' }, 'accepted'],
    [{ registry: 'acr.io/Team' }, '--registry "acr.io/Team" is not a registry host with an optional path (repository name must be lowercase: "Team" contains the uppercase letter "T" at offset 7) | Write HOST[:PORT][/PATH], e.g. --registry myteam.azurecr.io or --registry ghcr.io/my-org.'],
    [{ set: ['TAG'] }, '--set "TAG": expected NAME=VALUE'],
    [{ set: ['=1'] }, '--set "=1": expected NAME=VALUE'],
    [{ set: ['TAG=1', 'TAG=2'] }, '--set gives TAG twice ("1" and "2")'],
    [{ tag: ['-bad'] }, '--tag "-bad" is not a valid tag (letters, digits, _ . -, not starting with . or -, at most 128 characters)'],
    [{ tag: ['1.0', '2.0'] }, '--tag given twice ("1.0" and "2.0") | Give one --tag TAG for your images, and --tag IMAGE=TAG for others.'],
    [{ digest: ['web=sha256:abc'] }, '--digest web="sha256:abc" has 3 hex digits (sha256 needs exactly 64)'],
    [{ digest: ['web=latest'] }, '--digest web="latest" is not a digest (expected ALGORITHM:HEX, e.g. sha256: and 64 hex digits)'],
    [{ digest: [`sha256:${'a'.repeat(64)}`] }, `--digest "sha256:${'a'.repeat(64)}": expected IMAGE=sha256:HEX`],
    [{ pullSecret: ['Reg_Cred'] }, '--pull-secret "Reg_Cred" is not a valid Secret name (lowercase letters, digits, - and ., starting and ending with a letter or digit)'],
  ];
  for (const [flags, expected] of rows) {
    it(`${JSON.stringify(flags)} → ${expected.slice(0, 60)}`, () => assert.equal(error(flags), expected));
  }
});
