// The Tiltfile reader, on Tilt's own examples (tilt-dev/tilt-example-html and tilt-example-go,
// Apache-2.0; see test/fixtures/build-tools/README.md) and the forms of Tilt's API reference.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readTiltfile } from '../../../src/build-tools/tiltfile.js';
import { ROOT } from '../../cli/run-cli.js';

describe('readTiltfile', () => {
  it('finds docker_build in tilt-example-html (2-recommended) at its exact position', () => {
    const text = readFileSync(`${ROOT}/test/fixtures/build-tools/tilt-html/Tiltfile`, 'utf8');
    assert.deepEqual(readTiltfile(text, 'Tiltfile'), {
      builds: [{ tool: 'tilt', name: 'example-html-image', declaredAt: { file: 'Tiltfile', line: 12, column: 14 } }],
    });
  });

  it('finds the extension docker_build_with_restart over several lines (tilt-example-go, 3-recommended)', () => {
    const text = [
      "load('ext://restart_process', 'docker_build_with_restart')",
      "compile_cmd = 'CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o build/tilt-example-go ./'",
      'docker_build_with_restart(',
      "  'example-go-image',",
      "  '.',",
      "  entrypoint=['/app/build/tilt-example-go'],",
      ')',
    ].join('\n');
    assert.deepEqual(readTiltfile(text, 'Tiltfile').builds, [{ tool: 'tilt', name: 'example-go-image', declaredAt: { file: 'Tiltfile', line: 4, column: 3 } }]);
  });

  it('reads ref= and custom_build, skips comments, methods and computed names, and applies default_registry to every build', () => {
    const text = [
      '# docker_build("commented-out", ".")',
      "default_registry('localhost:5000', host_from_cluster='registry:5000')",
      "custom_build(ref='frontend', command='make image', deps=['./src'])",
      'docker_build(name, ".")',
      "obj.docker_build('method-call', '.')",
      'def docker_build(x): pass',
      'docker_build("api" , "./api")',
    ].join('\n');
    const read = readTiltfile(text, 'Tiltfile');
    assert.equal(read.defaultRegistry, 'registry:5000');
    assert.deepEqual(
      read.builds.map((b) => [b.name, b.declaredAt?.line, b.declaredAt?.column, b.defaultRepository]),
      [
        ['frontend', 3, 18, 'registry:5000'],
        ['api', 7, 14, 'registry:5000'],
      ],
    );
  });

  it('a default_registry without host_from_cluster is the repository itself', () => {
    assert.equal(readTiltfile("default_registry('gcr.io/my-project')\ndocker_build('app', '.')", 'Tiltfile').builds[0]?.defaultRepository, 'gcr.io/my-project');
  });
});
