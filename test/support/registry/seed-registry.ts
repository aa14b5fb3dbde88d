// Pushes fixture images over HTTP, without Docker or skopeo: for each blob `POST …/blobs/uploads/`
// then `PUT <Location>&digest=` (2.8 ignores single-request uploads), then child manifests, then the
// manifest itself, checking that the registry's digest equals ours (docs/registry-testing.md §2).
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import type { SeedManifest } from './image-fixtures.js';

export interface SeedTarget {
  /** `http://127.0.0.1:<port>` or `https://...`. */
  url: string;
  /** `Authorization` header for pushing to a repository (token mode: a pull,push token). */
  authorization?: (repository: string) => string | undefined;
  /** CA for an HTTPS registry. */
  caFile?: string;
}

export class Seeder {
  readonly #dispatcher: Agent;

  constructor(private readonly target: SeedTarget) {
    const ca = target.caFile === undefined ? undefined : [...rootCertificates, readFileSync(target.caFile, 'utf8')];
    this.#dispatcher = new Agent(ca === undefined ? {} : { connect: { ca } });
  }

  async #fetch(url: string, repository: string, init: { method: string; headers?: Record<string, string>; body?: Buffer }) {
    const headers: Record<string, string> = { ...init.headers };
    const authorization = this.target.authorization?.(repository);
    if (authorization !== undefined) headers.authorization = authorization;
    return fetch(url, { ...init, headers, dispatcher: this.#dispatcher });
  }

  async #pushBlob(repository: string, digest: string, bytes: Buffer): Promise<void> {
    const base = `${this.target.url}/v2/${repository}/blobs`;
    const head = await this.#fetch(`${base}/${digest}`, repository, { method: 'HEAD' });
    if (head.status === 200) return;
    const start = await this.#fetch(`${base}/uploads/`, repository, { method: 'POST' });
    await start.arrayBuffer();
    const location = start.headers.get('location');
    if (start.status !== 202 || location === null) throw new Error(`blob upload to ${repository} not started: HTTP ${start.status}`);
    const upload = new URL(location, this.target.url);
    upload.searchParams.set('digest', digest);
    const put = await this.#fetch(upload.toString(), repository, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    await put.arrayBuffer();
    if (put.status !== 201) throw new Error(`blob ${digest} not stored in ${repository}: HTTP ${put.status}`);
  }

  async #pushManifest(repository: string, reference: string, image: SeedManifest): Promise<void> {
    for (const child of image.children) await this.#pushManifest(repository, child.digest, child);
    for (const b of image.blobs) await this.#pushBlob(repository, b.digest, b.bytes);
    const put = await this.#fetch(`${this.target.url}/v2/${repository}/manifests/${reference}`, repository, {
      method: 'PUT',
      headers: { 'content-type': image.mediaType },
      body: image.bytes,
    });
    const text = await put.text();
    if (put.status !== 201) throw new Error(`manifest ${repository}:${reference} not stored: HTTP ${put.status} ${text}`);
    const digest = put.headers.get('docker-content-digest');
    if (digest !== image.digest) throw new Error(`registry stored ${repository}:${reference} as ${digest}, expected ${image.digest}`);
  }

  /** Pushes `image` (children and blobs first) and tags it `tag`. */
  push(repository: string, tag: string, image: SeedManifest): Promise<void> {
    return this.#pushManifest(repository, tag, image);
  }

  close(): Promise<void> {
    return this.#dispatcher.close();
  }
}
