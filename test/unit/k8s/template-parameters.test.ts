import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTemplateVariables } from '../../../src/images/find-template-variables.js';
import { templateParameterUse } from '../../../src/k8s/template-parameters.js';
import type { TemplateOrigin, TemplateParameter } from '../../../src/manifests/model.js';

const origin = (...parameters: TemplateParameter[]): TemplateOrigin => ({ parameters: new Map(parameters.map((p) => [p.name, p])) });
const use = (image: string, template: TemplateOrigin) => templateParameterUse(image, findTemplateVariables(image), template);

const TEMPLATE = origin(
  { name: 'REGISTRY', value: 'quay.io/acme', required: false },
  { name: 'TAG', value: '1.0', required: true },
  { name: 'SECRET', generate: 'expression', required: true },
  { name: 'EMPTY', value: '', required: false },
);

describe('templateParameterUse', () => {
  it('substitutes the default values of ${NAME} and ${{NAME}}, each occurrence, and says how', () => {
    assert.deepEqual(use('${REGISTRY}/app:${TAG}', TEMPLATE), {
      kind: 'defaults',
      image: 'quay.io/acme/app:1.0',
      note: '"${REGISTRY}/app:${TAG}" with the template\'s default values REGISTRY=quay.io/acme, TAG=1.0',
    });
    assert.deepEqual(use('${REGISTRY}/${TAG}:${TAG}', TEMPLATE), {
      kind: 'defaults',
      image: 'quay.io/acme/1.0:1.0',
      note: '"${REGISTRY}/${TAG}:${TAG}" with the template\'s default values REGISTRY=quay.io/acme, TAG=1.0',
    });
    assert.deepEqual(use('${{REGISTRY}}', TEMPLATE), {
      kind: 'defaults',
      image: 'quay.io/acme',
      note: '"${{REGISTRY}}" with the template\'s default value REGISTRY=quay.io/acme',
    });
  });

  it('a parameter without a value (generated, empty or given with -p) leaves the image unknown', () => {
    assert.deepEqual(use('${REGISTRY}/${SECRET}:${EMPTY}', TEMPLATE), { kind: 'unset', names: ['SECRET', 'EMPTY'] });
  });

  it('a variable the template does not declare stays unresolved, alone or beside declared ones', () => {
    const result = use('${REGISTRY}/${APP}:$TAG', TEMPLATE);
    assert.equal(result?.kind, 'undeclared');
    assert.deepEqual(result?.kind === 'undeclared' ? result.variables.map((v) => v.text) : [], ['${APP}', '$TAG']);
    assert.equal(use('${APP}:1.0', TEMPLATE)?.kind, 'undeclared');
  });

  it('${{NAME}} inside a longer value is not substituted (the exact-match form only)', () => {
    const result = use('${{REGISTRY}}/app:${TAG}', TEMPLATE);
    assert.deepEqual(result?.kind === 'undeclared' ? result.variables.map((v) => v.text) : result, ['${{REGISTRY}}']);
  });

  it('syntax oc process does not substitute is none of its business', () => {
    assert.equal(use('{{ .Values.image }}', TEMPLATE), undefined);
    assert.equal(use('$REGISTRY/app', TEMPLATE), undefined);
    assert.equal(use('${REGISTRY:-quay.io}/app', TEMPLATE), undefined);
  });
});
