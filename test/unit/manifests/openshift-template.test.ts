import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';

// build/test/unit/manifests → repository root is four levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures/openshift', name), 'utf8');

describe('OpenShift Template objects', () => {
  for (const reader of ['auto', 'exact'] as const) {
    it(`reads objects[] as objects with positions inside the template (${reader} reader)`, () => {
      const parsed = readManifestText(fixture('postgresql-ephemeral-template.yaml'), 't.yaml', FULL_YAML_READERS, { reader });
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.objects.map((o) => [o.ref.kind, o.ref.name, o.itemPath]),
        [
          ['Service', '${DATABASE_SERVICE_NAME}', ['objects', 0]],
          ['DeploymentConfig', '${DATABASE_SERVICE_NAME}', ['objects', 1]],
        ],
      );
      const dc = parsed.objects[1]!;
      assert.deepEqual(dc.positionOf(['spec', 'template', 'spec', 'containers', 0, 'image']), { line: 76, column: 18 });
      assert.deepEqual(dc.keyPositionOf(['spec', 'triggers']), { line: 53, column: 5 });
      const parameters = dc.template?.parameters;
      assert.deepEqual(parameters?.get('POSTGRESQL_VERSION'), { name: 'POSTGRESQL_VERSION', required: true, value: '9.5' });
      assert.deepEqual(parameters?.get('POSTGRESQL_USER'), { name: 'POSTGRESQL_USER', required: true, generate: 'expression' });
      assert.deepEqual(parameters?.get('NAMESPACE'), { name: 'NAMESPACE', required: false, value: 'openshift' });
      assert.equal(dc.template?.metadata?.['name'], 'postgresql-ephemeral');
    });
  }

  it('reads a JSON template, and a template inside a List, with the item path from the document root', () => {
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'template.openshift.io/v1',
            kind: 'Template',
            metadata: { name: 't' },
            objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: '${IMAGE}' }] } }],
            parameters: [{ name: 'IMAGE', value: 7 }],
          },
        ],
      },
      null,
      2,
    );
    const parsed = readManifestText(json, 'l.json', FULL_YAML_READERS);
    assert.equal(parsed.objects.length, 1);
    const pod = parsed.objects[0]!;
    assert.deepEqual(pod.itemPath, ['items', 0, 'objects', 0]);
    assert.deepEqual(pod.positionOf(['spec', 'containers', 0, 'image']), { line: 22, column: 26 });
    // A number read from YAML or JSON is the text `oc process` substitutes.
    assert.equal(pod.template?.parameters.get('IMAGE')?.value, '7');
  });

  it('leaves a Template of another API group, and a template without objects, as an object of its own', () => {
    const text = [
      'apiVersion: example.com/v1',
      'kind: Template',
      'metadata: {name: other}',
      'objects: []',
      '---',
      'apiVersion: template.openshift.io/v1',
      'kind: Template',
      'metadata: {name: empty}',
      '',
    ].join('\n');
    const parsed = readManifestText(text, 't.yaml', FULL_YAML_READERS);
    assert.deepEqual(parsed.objects.map((o) => [o.ref.apiVersion, o.ref.name, o.template]), [
      ['example.com/v1', 'other', undefined],
      ['template.openshift.io/v1', 'empty', undefined],
    ]);
  });
});
