// rewriteImage: one table row per kind of image string render meets, with the exact result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { parseRenderFlags, type RenderFlags } from '../../../src/render/parse-render-flags.js';
import { rewriteImage } from '../../../src/render/rewrite-image.js';

function rewrite(image: string, flags: RenderFlags, target = 'aks'): string {
  const result = rewriteImage(image, parseRenderFlags(getTargetProfile(target)!, flags));
  if ('unresolved' in result) return `unresolved: ${result.unresolved}`;
  return `${result.image}${result.moved ? ' (moved)' : ''}${result.own ? ' (own)' : ''}${result.localOnly ? ' (local-only)' : ''}`;
}

const ACR = { registry: 'myteam.azurecr.io' };

describe('rewriteImage', () => {
  const rows: [string, RenderFlags, string, string?][] = [
    // Placeholders in the registry part: the incident's REGISTRY_URL and its cousins.
    ['REGISTRY_URL/webapi:latest', ACR, 'myteam.azurecr.io/webapi:latest (moved) (own)'],
    ['${REGISTRY}/webapi:1.0', ACR, 'myteam.azurecr.io/webapi:1.0 (moved) (own)'],
    ['$(REGISTRY)/webapi:1.0', ACR, 'myteam.azurecr.io/webapi:1.0 (moved) (own)'],
    ['<registry>/webapi:1.0', ACR, 'myteam.azurecr.io/webapi:1.0 (moved) (own)'],
    ['<your-registry>/team/webapi:1.0', ACR, 'myteam.azurecr.io/team/webapi:1.0 (moved) (own)'],
    ['docker.io/{username}/helloworld-go', { registry: 'ghcr.io/acme' }, 'ghcr.io/acme/helloworld-go (moved) (own)'],
    ['${REPOSITORY_PREFIX}/petclinic-api-gateway:latest', ACR, 'myteam.azurecr.io/petclinic-api-gateway:latest (moved) (own)'],
    ['{{ .Values.registry }}/app:2', ACR, 'myteam.azurecr.io/app:2 (moved) (own)'],
    // --set names a variable or a placeholder (without its brackets); it wins over --registry.
    ['${REGISTRY}/webapi:${TAG}', { set: ['REGISTRY=quay.io/acme', 'TAG=3.1'] }, 'quay.io/acme/webapi:3.1'],
    ['<image>', { set: ['image=nginx:1.27'] }, 'nginx:1.27'],
    ['REGISTRY_URL/webapi:1.0', { ...ACR, set: ['REGISTRY_URL=ghcr.io/other'] }, 'ghcr.io/other/webapi:1.0'],
    // Tags: a placeholder tag takes --tag; --tag pins the team's own images only.
    ['myteam.azurecr.io/webapi:${TAG}', { ...ACR, tag: ['1.4.2'] }, 'myteam.azurecr.io/webapi:1.4.2 (own)'],
    ['REGISTRY_URL/webapi:latest', { ...ACR, tag: ['1.4.2'] }, 'myteam.azurecr.io/webapi:1.4.2 (moved) (own)'],
    ['nginx:1.27', { ...ACR, tag: ['1.4.2'] }, 'nginx:1.27'],
    ['nginx:1.27', { tag: ['nginx=1.28'] }, 'nginx:1.28'],
    ['myteam.azurecr.io/webapi:1.0@sha256:' + 'a'.repeat(64), { ...ACR, tag: ['2.0'] }, 'myteam.azurecr.io/webapi:2.0 (own)'],
    // Digests by repository name.
    ['nginx:1.27', { digest: ['nginx=sha256:' + 'b'.repeat(64)] }, `nginx:1.27@sha256:${'b'.repeat(64)}`],
    ['REGISTRY_URL/webapi:1.0', { ...ACR, digest: ['webapi=sha256:' + 'c'.repeat(64)] }, `myteam.azurecr.io/webapi:1.0@sha256:${'c'.repeat(64)} (moved) (own)`],
    // Local-only names move to --registry; without it they stay (and say so).
    ['webapi:latest', ACR, 'myteam.azurecr.io/webapi:latest (moved) (own)'],
    ['acme/webapi:dev', ACR, 'myteam.azurecr.io/acme/webapi:dev (moved) (own)'],
    ['webapi:latest', {}, 'webapi:latest (own) (local-only)'],
    ['nginx:1.27', ACR, 'nginx:1.27'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', ACR, 'mcr.microsoft.com/dotnet/aspnet:8.0'],
    // A registry on the developer's machine: moved for a remote target, kept for a local one.
    ['localhost:5000/webapi:1.0', ACR, 'myteam.azurecr.io/webapi:1.0 (moved) (own)'],
    ['localhost:5001/webapi:1.0', { registry: 'localhost:5001' }, 'localhost:5001/webapi:1.0 (own)', 'kind'],
    ['webapi:latest', { registry: 'localhost:5001' }, 'localhost:5001/webapi:latest (moved) (own)', 'kind'],
    // Already rendered: the same text (idempotent).
    ['myteam.azurecr.io/webapi:1.4.2', { ...ACR, tag: ['1.4.2'] }, 'myteam.azurecr.io/webapi:1.4.2 (own)'],
    // What render cannot decide.
    ['<image>', ACR, 'unresolved: "<image>" still holds "<image>": give the whole image with --set image=IMAGE'],
    ['REGISTRY_URL/webapi:latest', {}, 'unresolved: "REGISTRY_URL/webapi:latest" still holds "REGISTRY_URL": give it with --set REGISTRY_URL=VALUE (or --registry HOST[/PATH] when it stands for the registry) (or --tag TAG when it stands for the tag)'],
    ['myteam.azurecr.io/webapi:${TAG}', ACR, 'unresolved: "myteam.azurecr.io/webapi:${TAG}" still holds "${TAG}": give it with --set TAG=VALUE (or --tag TAG when it stands for the tag)'],
    ['REGISTRY/APP:1.0', ACR, 'unresolved: "myteam.azurecr.io/APP:1.0" still holds "APP": give it with --set APP=VALUE (or --tag TAG when it stands for the tag)'],
  ];
  for (const [image, flags, expected, target] of rows) {
    it(`${image} ${JSON.stringify(flags)}${target === undefined ? '' : ` on ${target}`}`, () => {
      assert.equal(rewrite(image, flags, target), expected);
    });
  }

  it('gives the same text when run on its own output', () => {
    for (const [image, flags, , target] of rows) {
      const once = rewrite(image, flags, target);
      if (once.startsWith('unresolved')) continue;
      const text = once.replace(/ \(.*$/, '');
      assert.equal(rewrite(text, flags, target).replace(/ \(.*$/, ''), text, image);
    }
  });
});
