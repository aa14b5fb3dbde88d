// Manifest media types (media-types.ts): what goes into Accept, how a Content-Type or a body is
// read, which configs are runnable images.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bareMediaType, DOCKER_IMAGE_CONFIG, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST_V1, DOCKER_MANIFEST_V1_SIGNED, DOCKER_MANIFEST_V2,
  isImageConfig, MANIFEST_ACCEPT, manifestKind, OCI_IMAGE_CONFIG, OCI_INDEX, OCI_MANIFEST, resolveManifestMediaType,
} from '../../../../src/gateways/registry/media-types.js';

describe('MANIFEST_ACCEPT', () => {
  it('asks for indexes first and for every manifest type', () => {
    assert.equal(MANIFEST_ACCEPT, [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST_V2, DOCKER_MANIFEST_V1_SIGNED, DOCKER_MANIFEST_V1].join(', '));
  });
});

describe('bareMediaType', () => {
  const cases: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['', undefined],
    ['application/vnd.OCI.image.index.v1+json; charset=utf-8', OCI_INDEX],
    ['  application/json ', 'application/json'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(bareMediaType(input), expected));
});

describe('manifestKind', () => {
  const cases: [string | undefined, ReturnType<typeof manifestKind>][] = [
    [OCI_INDEX, 'index'], [DOCKER_MANIFEST_LIST, 'index'], [OCI_MANIFEST, 'manifest'], [DOCKER_MANIFEST_V2, 'manifest'],
    [DOCKER_MANIFEST_V1, 'schema1'], [DOCKER_MANIFEST_V1_SIGNED, 'schema1'], ['application/vnd.cncf.helm.chart.content.v1.tar+gzip', 'unknown'], [undefined, 'unknown'],
  ];
  for (const [type, kind] of cases) it(`${type} → ${kind}`, () => assert.equal(manifestKind(type), kind));
});

describe('isImageConfig', () => {
  for (const [type, expected] of [[OCI_IMAGE_CONFIG, true], [DOCKER_IMAGE_CONFIG, true], ['application/vnd.cncf.helm.config.v1+json', false], [undefined, false]] as const) {
    it(`${type} → ${expected}`, () => assert.equal(isImageConfig(type), expected));
  }
});

describe('resolveManifestMediaType', () => {
  const cases: { name: string; contentType: string | undefined; body: unknown; expected: string | undefined }[] = [
    { name: 'a manifest Content-Type wins', contentType: `${DOCKER_MANIFEST_V2}; charset=utf-8`, body: { mediaType: OCI_MANIFEST }, expected: DOCKER_MANIFEST_V2 },
    { name: "else the body's mediaType", contentType: 'application/json', body: { mediaType: OCI_INDEX }, expected: OCI_INDEX },
    { name: 'schema 1 by schemaVersion', contentType: 'application/json', body: { schemaVersion: 1, fsLayers: [] }, expected: DOCKER_MANIFEST_V1 },
    { name: 'an index by its manifests', contentType: undefined, body: { schemaVersion: 2, manifests: [] }, expected: OCI_INDEX },
    { name: 'a manifest by its config', contentType: undefined, body: { schemaVersion: 2, config: { mediaType: OCI_IMAGE_CONFIG } }, expected: OCI_MANIFEST },
    { name: 'nothing to tell by: the header', contentType: 'text/plain', body: { hello: 'world' }, expected: 'text/plain' },
    { name: 'not an object', contentType: 'text/plain', body: 'hello', expected: 'text/plain' },
    { name: 'null body, no header', contentType: undefined, body: null, expected: undefined },
  ];
  for (const { name, contentType, body, expected } of cases) it(name, () => assert.equal(resolveManifestMediaType(contentType, body), expected));
});
