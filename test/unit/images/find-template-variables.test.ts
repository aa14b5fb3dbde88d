import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTemplateVariables, TEMPLATE_SEARCH_LIMIT, type TemplateSyntax } from '../../../src/images/find-template-variables.js';

describe('findTemplateVariables', () => {
  const found: [string, [text: string, name: string, offset: number, syntax: TemplateSyntax][]][] = [
    ['${REGISTRY}/app:1.0', [['${REGISTRY}', 'REGISTRY', 0, 'shell-braced']]],
    ['${REGISTRY:-ghcr.io}/app', [['${REGISTRY:-ghcr.io}', 'REGISTRY:-ghcr.io', 0, 'shell-braced']]],
    ['app:${TAG', [['${TAG', 'TAG', 4, 'shell-braced']]],
    ['$REGISTRY/app:$TAG', [['$REGISTRY', 'REGISTRY', 0, 'shell'], ['$TAG', 'TAG', 14, 'shell']]],
    ['$(REGISTRY)/app:1.0', [['$(REGISTRY)', 'REGISTRY', 0, 'dollar-parentheses']]],
    ['app:$((BUILD+1))', [['$((BUILD+1))', 'BUILD+1', 4, 'dollar-parentheses']]],
    ['{{ .Values.image.repository }}:{{ .Values.image.tag }}', [
      ['{{ .Values.image.repository }}', '.Values.image.repository', 0, 'double-braces'],
      ['{{ .Values.image.tag }}', '.Values.image.tag', 31, 'double-braces'],
    ]],
    ['{{- .Values.image -}}', [['{{- .Values.image -}}', '.Values.image', 0, 'double-braces']]],
    ['repo/app:{{ .Values.tag', [['{{ .Values.tag', '.Values.tag', 9, 'double-braces']]],
    ['{{inputs.parameters.image}}', [['{{inputs.parameters.image}}', 'inputs.parameters.image', 0, 'double-braces']]],
    ['<%= registry %>/app', [['<%= registry %>', 'registry', 0, 'erb']]],
    ['%REGISTRY%/app:1.0', [['%REGISTRY%', 'REGISTRY', 0, 'percent']]],
    ['#{Registry}#/app:#{Tag}#', [['#{Registry}#', 'Registry', 0, 'hash-braces'], ['#{Tag}#', 'Tag', 17, 'hash-braces']]],
    ['acme/app:#{Octopus.Release.Number}', [['#{Octopus.Release.Number}', 'Octopus.Release.Number', 9, 'hash-braces']]],
    ['__REGISTRY__/app:__BUILD_ID__', [['__REGISTRY__', 'REGISTRY', 0, 'double-underscore'], ['__BUILD_ID__', 'BUILD_ID', 17, 'double-underscore']]],
    ['acme/app:@project.version@', [['@project.version@', 'project.version', 9, 'at-signs']]],
    ['((registry))/app', [['((registry))', 'registry', 0, 'double-parentheses']]],
    ['ko://github.com/acme/app/cmd/server', [['ko://github.com/acme/app/cmd/server', 'github.com/acme/app/cmd/server', 0, 'ko']]],
    ['github.com/knative/docs/code-samples/serving/secrets-go', [
      ['github.com/knative/docs/code-samples/serving/secrets-go', 'github.com/knative/docs/code-samples/serving/secrets-go', 0, 'ko'],
    ]],
    ['ghcr.io/acme/app:${{ github.sha }}', [['${{ github.sha }}', 'github.sha', 17, 'dollar-double-braces']]],
    ['${{env.REGISTRY}}/app:${{ steps.meta.outputs.version }}', [
      ['${{env.REGISTRY}}', 'env.REGISTRY', 0, 'dollar-double-braces'],
      ['${{ steps.meta.outputs.version }}', 'steps.meta.outputs.version', 22, 'dollar-double-braces'],
    ]],
    ['app:${{ variables.tag }}', [['${{ variables.tag }}', 'variables.tag', 4, 'dollar-double-braces']]],
    ['acme.azurecr.io/webapi:$(Build.BuildId)', [['$(Build.BuildId)', 'Build.BuildId', 23, 'dollar-parentheses']]],
    ['${REGISTRY}/app:{{ .Values.tag }}', [['${REGISTRY}', 'REGISTRY', 0, 'shell-braced'], ['{{ .Values.tag }}', '.Values.tag', 16, 'double-braces']]],
  ];
  for (const [image, expected] of found) {
    it(`finds ${expected.map((e) => e[0]).join(', ')} in ${image}`, () => {
      assert.deepEqual(
        findTemplateVariables(image).map((v) => [v.text, v.name, v.offset, v.syntax]),
        expected,
      );
    });
  }

  // Real references that merely look like templates in part.
  const none = [
    'nginx:1.27',
    'my__app/web:1.0',
    'acme/app__v2:1.0',
    'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'registry.example.org:5000/a/b:c',
    'ghcr.io/acme/app:1.0',
    'gcr.io/knative-releases/knative.dev/eventing/cmd/event_display',
    'REGISTRY_URL/app:latest',
    '<your-registry>/app',
    'docker.io/{username}/app',
  ];
  for (const image of none) {
    it(`finds nothing in ${image}`, () => assert.deepEqual(findTemplateVariables(image), []));
  }

  it('names the tool: Helm for .Values, a template engine otherwise, envsubst for ${}', () => {
    assert.match(findTemplateVariables('{{ .Values.image }}')[0]!.tool, /^Helm \(/);
    assert.match(findTemplateVariables('{{ image }}')[0]!.tool, /^a template engine \(Helm, gomplate/);
    assert.match(findTemplateVariables('${IMAGE}')[0]!.tool, /^envsubst/);
    assert.match(findTemplateVariables('$(IMAGE)')[0]!.tool, /Kubernetes expands \$\(VAR\) only in command, args and env, never in image/);
    assert.match(findTemplateVariables('ko://x/y')[0]!.tool, /^ko \(/);
  });

  const AZURE_MACRO = 'Azure Pipelines (it expands `$(…)` macros in the pipeline file and task inputs only, not in the files a step applies)';
  const GITHUB = 'GitHub Actions (it evaluates `${{ … }}` in the workflow file only, not in the files a step applies)';
  const AZURE_TEMPLATE = 'Azure Pipelines (it expands `${{ … }}` template expressions in the pipeline file only, not in the files a step applies)';
  const EITHER = 'GitHub Actions or Azure Pipelines (they evaluate `${{ … }}` in the workflow or pipeline file only, not in the files a step applies)';
  const OTHER_DOLLAR_PARENTHESES =
    'an Azure Pipelines macro or a Makefile variable expansion (Kubernetes expands $(VAR) only in command, args and env, never in image)';
  const ciTools: [image: string, tool: string][] = [
    ['app:${{ github.sha }}', GITHUB],
    ['app:${{ github.event.pull_request.head.sha }}', GITHUB],
    ['${{ env.REGISTRY }}/app:1', GITHUB],
    ['${{ vars.REGISTRY }}/app:1', GITHUB],
    ['app:${{ inputs.tag }}', GITHUB],
    ['app:${{ matrix.version }}', GITHUB],
    ['app:${{ needs.build.outputs.tag }}', GITHUB],
    ['app:${{ steps.meta.outputs.version }}', GITHUB],
    ['app:${{ variables.tag }}', AZURE_TEMPLATE],
    ['app:${{ parameters.imageTag }}', AZURE_TEMPLATE],
    ['app:${{ format(\'{0}\', 1) }}', EITHER],
    ['app:$(Build.BuildId)', AZURE_MACRO],
    ['app:$(Build.SourceVersion)', AZURE_MACRO],
    ['app:$(Release.ReleaseId)', AZURE_MACRO],
    ['$(System.TeamProject)/app:1', AZURE_MACRO],
    ['app:$(Pipeline.Workspace)', AZURE_MACRO],
    ['app:$(tag)', OTHER_DOLLAR_PARENTHESES],
    ['app:$(BUILD_ID)', OTHER_DOLLAR_PARENTHESES],
    ['app:$(Build)', OTHER_DOLLAR_PARENTHESES],
  ];
  for (const [image, tool] of ciTools) {
    it(`names ${tool.split(' (')[0]} for ${image}`, () => {
      assert.deepEqual(findTemplateVariables(image).map((v) => v.tool), [tool]);
    });
  }

  it('searches only the first TEMPLATE_SEARCH_LIMIT characters of a hostile string', () => {
    const filler = '{{'.repeat(TEMPLATE_SEARCH_LIMIT);
    assert.deepEqual(findTemplateVariables(`${filler}\${LATE}`).map((v) => v.syntax), ['double-braces']);
    assert.equal(findTemplateVariables(`\${EARLY}${'a'.repeat(TEMPLATE_SEARCH_LIMIT)}`)[0]!.name, 'EARLY');
    assert.deepEqual(findTemplateVariables(`${'a'.repeat(TEMPLATE_SEARCH_LIMIT)}\${LATE}`), []);
  });
});
