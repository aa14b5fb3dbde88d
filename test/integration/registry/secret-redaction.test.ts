// Property: whatever a hostile registry echoes back, no piece of a secret of the run leaves the
// process. Random passwords (seeded, printable ASCII with every special character) go into a pull
// secret; a scripted registry echoes the credential, in every encoding it could take, into error
// bodies (JSON errors, OAuth2 errors, plain text), error codes, `WWW-Authenticate` parameters and
// token-service answers, `Retry-After`, redirect locations, media types and platform fields, at
// every offset around the 200-character cut of registry messages. `pullguard check` then runs once
// per output format, in-process, and no 5-character piece of any encoding of the password (or of
// the bearer token the registry handed out) may appear on stdout or stderr.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { run } from '../../../src/cli/main.js';
import { FORMAT_NAMES } from '../../../src/formatters/formatter.js';
import { reply, startScriptedServer, type RecordedRequest, type ScriptedServer } from '../../support/registry/scripted-server.js';
import { makeTempDir, removeTempDir } from '../../support/registry/temp-dir.js';

/** mulberry32: small, seeded, good enough to pick characters. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Printable ASCII, space included (not at either end: header values lose those). */
function randomSecret(random: () => number, length: number): string {
  let secret = '';
  for (let i = 0; i < length; i++) {
    const edge = i === 0 || i === length - 1;
    secret += String.fromCharCode((edge ? 0x21 : 0x20) + Math.floor(random() * (edge ? 94 : 95)));
  }
  return secret;
}

/** Every form the secret could take on the way out, computed here independently of src/. */
function encodings(username: string, secret: string): string[] {
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  const base64Url = (text: string): string => Buffer.from(text).toString('base64url');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ x: secret }).toString().slice(2),
    base64(secret),
    base64Url(secret),
    base64(`${username}:${secret}`),
    base64Url(`${username}:${secret}`),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Every 5-character substring. */
function pieces(text: string): string[] {
  const result: string[] = [];
  for (let i = 0; i + 5 <= text.length; i++) result.push(text.slice(i, i + 5));
  return result;
}

const CUT = 200;
type Place = 'message' | 'code' | 'plain' | 'oauth' | 'challenge' | 'token-service' | 'retry-after' | 'redirect' | 'media-type' | 'platform' | 'echo-authorization';

interface Plan {
  place: Place;
  /** The hostile text, already placed at its offset where the place has one. */
  text: string;
}

/** Header values cannot hold line breaks; quoted-string parameters need `"` and `\` escaped. */
const quoted = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

function plans(username: string, secret: string): Plan[] {
  const list: Plan[] = [];
  const forms = encodings(username, secret);
  forms.forEach((form, index) => {
    // Every offset where the form straddles the cut for the raw password, every third for the others.
    const step = index === 0 ? 1 : 3;
    for (let offset = CUT - form.length - 1; offset <= CUT + 1; offset += step) {
      list.push({ place: 'message', text: `${'m'.repeat(Math.max(0, offset))}${form} and more text after it` });
    }
    list.push({ place: 'plain', text: `${'p'.repeat(CUT - Math.floor(form.length / 2))}${form}` });
    list.push({ place: 'oauth', text: `${'o'.repeat(CUT - 3)}${form}` });
    list.push({ place: 'code', text: form });
    list.push({ place: 'challenge', text: form });
    list.push({ place: 'token-service', text: `${'t'.repeat(CUT - 4)}${form}` });
    list.push({ place: 'redirect', text: form });
    list.push({ place: 'media-type', text: `application/${form}` });
    list.push({ place: 'platform', text: form });
  });
  list.push({ place: 'retry-after', text: secret });
  for (let offset = CUT - 60; offset <= CUT + 1; offset += 7) list.push({ place: 'echo-authorization', text: 'e'.repeat(offset) });
  return list;
}

const DIGEST = `sha256:${'cd'.repeat(32)}`;

describe('no piece of a secret reaches any output format', () => {
  let server: ScriptedServer;
  let dir: string;
  let current: Plan[] = [];
  let username = '';
  let password = '';
  const TOKEN = `tok-${randomSecret(prng(7), 30).replace(/[^A-Za-z0-9]/g, 'x')}`;

  function answer(request: RecordedRequest, response: ServerResponse): void {
    const basic = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const url = new URL(request.url, 'http://registry');
    if (url.pathname.startsWith('/token/')) {
      const plan = current[Number(url.pathname.split('/')[2])];
      if (plan?.place === 'echo-authorization') return reply(response, request, 200, { 'content-type': 'application/json' }, { token: TOKEN });
      return reply(response, request, 401, { 'content-type': 'application/json' }, { errors: [{ code: 'UNAUTHORIZED', message: plan?.text ?? '' }] });
    }
    if (url.pathname === '/v2/') {
      if (request.headers.authorization === undefined) return reply(response, request, 401, { 'www-authenticate': 'Basic realm="hostile"' });
      return reply(response, request, 200, { 'content-type': 'application/json' }, {});
    }
    const moved = /^\/moved\/(\d+)\//.exec(url.pathname);
    const index = Number(moved?.[1] ?? /^\/v2\/r(\d+)\//.exec(url.pathname)?.[1] ?? -1);
    const plan = current[index];
    if (plan === undefined) return reply(response, request, 404, { 'content-type': 'application/json' }, { errors: [{ code: 'NAME_UNKNOWN', message: 'no such repository' }] });
    const denied = (message: string): void => reply(response, request, 403, { 'content-type': 'application/json' }, { errors: [{ code: 'DENIED', message }] });
    if (moved !== null) return denied(`${'r'.repeat(CUT - 20)} moved to ${request.url} = ${decodeURIComponent(url.pathname)}`);
    switch (plan.place) {
      case 'message':
        return denied(plan.text);
      case 'code':
        return reply(response, request, 403, { 'content-type': 'application/json' }, { errors: [{ code: plan.text, message: 'denied' }] });
      case 'plain':
        return reply(response, request, 403, { 'content-type': 'text/plain; charset=utf-8' }, plan.text);
      case 'oauth':
        return reply(response, request, 403, { 'content-type': 'application/json' }, { error: plan.text, details: plan.text });
      case 'challenge':
        return reply(response, request, 401, { 'www-authenticate': `Basic realm=${quoted(plan.text)},error=${quoted(plan.text)}` }, plan.text);
      case 'token-service':
      case 'echo-authorization': {
        if (request.headers.authorization === `Bearer ${TOKEN}`) return denied(`${plan.text}${request.headers.authorization}`);
        const realm = `http://${server.host}/token/${index}/${encodeURIComponent(password)}`;
        return reply(response, request, 401, { 'www-authenticate': `Bearer realm=${quoted(realm)},service=${quoted(plan.text)},error="invalid_token"` });
      }
      case 'retry-after':
        return reply(response, request, 429, { 'retry-after': plan.text, 'content-type': 'application/json' }, { errors: [{ code: 'TOOMANYREQUESTS', message: plan.text }] });
      case 'redirect':
        return reply(response, request, 307, { location: `/moved/${index}/${plan.text}` });
      case 'media-type':
        return reply(response, request, 200, { 'content-type': plan.text, 'docker-content-digest': DIGEST }, { schemaVersion: 2, mediaType: plan.text });
      case 'platform':
        return reply(
          response,
          request,
          200,
          { 'content-type': 'application/vnd.oci.image.index.v1+json' },
          { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: DIGEST, size: 10, platform: { os: plan.text, architecture: plan.text } }] },
        );
    }
  }

  before(async () => {
    server = await startScriptedServer((request, response) => {
      if (request.headers.authorization !== undefined && request.headers.authorization !== `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` && !request.headers.authorization.startsWith('Bearer ')) {
        return reply(response, request, 401, {});
      }
      answer(request, response);
    });
    dir = makeTempDir('secret-redaction');
    writeFileSync(
      join(dir, '.pullguard.yaml'),
      ['rules:', '  localhost-registry-on-remote: off', 'registries:', `  "${server.host}":`, '    plainHttp: true', ''].join('\n'),
    );
  });

  after(async () => {
    await server.close();
    removeTempDir(dir);
  });

  function writeManifests(): void {
    const config = JSON.stringify({ auths: { [server.host]: { username, password } } });
    const containers = current.flatMap((_, index) => [`        - name: c${index}`, `          image: ${server.host}/r${index}:v1`]);
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: regcred',
      'type: kubernetes.io/dockerconfigjson',
      'data:',
      `  .dockerconfigjson: ${Buffer.from(config).toString('base64')}`,
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app',
      'spec:',
      '  selector:',
      '    matchLabels: {app: app}',
      '  template:',
      '    metadata:',
      '      labels: {app: app}',
      '    spec:',
      '      imagePullSecrets:',
      '        - name: regcred',
      '      containers:',
      ...containers,
      '',
    ];
    mkdirSync(join(dir, 'manifests'), { recursive: true });
    writeFileSync(join(dir, 'manifests', 'app.yaml'), text.join('\n'));
  }

  async function checkWith(format: string): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(['check', 'manifests', '-o', format, '--no-docker-config', '--concurrency', '32', '--timeout', '120s'], {
      stdout: { write: (text: string) => (stdout += text) },
      // A terminal, so that the progress line is drawn (and checked) too.
      stderr: { write: (text: string) => (stderr += text), isTTY: true },
      stdin: new PassThrough(),
      env: { DOCKER_CONFIG: join(dir, 'no-docker-config') },
      cwd: dir,
    });
    return { code, stdout, stderr };
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: a random password and the registry's token stay out of every format`, async () => {
      const random = prng(seed);
      username = `user${seed}`;
      password = randomSecret(random, 12 + Math.floor(random() * 29));
      current = plans(username, password);
      writeManifests();
      const forbidden = new Set([...encodings(username, password), ...encodings(username, TOKEN)].flatMap(pieces));
      for (const format of FORMAT_NAMES) {
        const result = await checkWith(format);
        assert.equal(result.code, 1, `${format}: exit code\n${result.stderr}`);
        const leaked = [...forbidden].filter((piece) => result.stdout.includes(piece) || result.stderr.includes(piece));
        assert.deepEqual(leaked, [], `${format}: pieces of the secret (${JSON.stringify(password)}) in the output:\n${leaked.map((p) => JSON.stringify(p)).join(' ')}`);
        // The run did see every echo: the verdicts are about the hostile answers, not an early failure.
        assert.ok(result.stdout.includes('r0'), `${format}: output names the images`);
        assert.match(result.stderr, /pullguard: checking images \d+\/\d+/, `${format}: the progress line was drawn`);
      }
      // The registry did receive the credential, so the test exercised the echo paths.
      assert.ok(server.requests.some((r) => r.headers.authorization === `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`));
    });
  }
});
