// A running docker-registry in one of the three auth modes (none, htpasswd, token with the suite's
// token server), optionally over TLS, plus a seeder that pushes with the right authorization.
import { cleanUpOnExit } from '../control-plane/exit-cleanup.js';
import type { SeedManifest } from './image-fixtures.js';
import { dockerImage, dockerManifestList, LINUX_AMD64, LINUX_ARM64, LINUX_ARM_V6, ociArtifact, ociImage, ociIndex } from './image-fixtures.js';
import { makeTokenSigningKey } from './pki.js';
import { startRegistry, type RunningRegistry } from './registry-server.js';
import { Seeder } from './seed-registry.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './token-server.js';

export type AuthMode = 'none' | 'htpasswd' | 'token';

export interface FixtureOptions {
  users?: Readonly<Record<string, string>>;
  tls?: { certFile: string; keyFile: string; caFile: string };
  token?: Partial<Omit<TokenServerOptions, 'key' | 'issuer' | 'service' | 'users'>>;
}

export interface RegistryFixture {
  registry: RunningRegistry;
  tokenServer?: TokenServer;
  seed(images: readonly SeededImage[]): Promise<void>;
  stop(): Promise<void>;
}

export interface SeededImage {
  repository: string;
  tag: string;
  image: SeedManifest;
}

export const TOKEN_SERVICE = 'test-registry';
export const TOKEN_ISSUER = 'test-issuer';
/** The user the fixtures push with. */
export const ADMIN = { user: 'admin', password: 'admin-pass-9f3c' };

/** One of each image shape the gateway must understand. */
export function standardImages(prefix = 'test'): SeededImage[] {
  return [
    { repository: `${prefix}/docker-single`, tag: 'v1', image: dockerImage(LINUX_AMD64, `${prefix}-docker-single`) },
    { repository: `${prefix}/oci-single`, tag: 'v1', image: ociImage(LINUX_ARM64, `${prefix}-oci-single`) },
    { repository: `${prefix}/oci-index`, tag: 'v1', image: ociIndex([LINUX_AMD64, LINUX_ARM64], `${prefix}-oci-index`) },
    { repository: `${prefix}/docker-list`, tag: 'v1', image: dockerManifestList([LINUX_AMD64, LINUX_ARM_V6], `${prefix}-docker-list`) },
    { repository: `${prefix}/artifact`, tag: 'v1', image: ociArtifact(`${prefix}-artifact`) },
  ];
}

export async function startRegistryFixture(mode: AuthMode, options: FixtureOptions = {}): Promise<RegistryFixture> {
  const users = { [ADMIN.user]: ADMIN.password, ...options.users };
  // Only token mode has keys; the other modes leave no directory of their own behind.
  const keyDir = mode === 'token' ? makeTempDir('token-keys') : undefined;
  const releaseKeyDir = keyDir === undefined ? () => undefined : cleanUpOnExit({ dir: keyDir, pids: () => [] });
  let tokenServer: TokenServer | undefined;
  let registry: RunningRegistry;
  try {
    if (mode === 'token') {
      const key = makeTokenSigningKey(keyDir as string, TOKEN_ISSUER);
      tokenServer = await startTokenServer({ key, issuer: TOKEN_ISSUER, service: TOKEN_SERVICE, users, ...options.token });
      registry = await startRegistry({
        auth: { kind: 'token', realm: tokenServer.realm, service: TOKEN_SERVICE, issuer: TOKEN_ISSUER, rootCertBundle: key.certFile },
        ...(options.tls ? { tls: options.tls } : {}),
      });
    } else {
      registry = await startRegistry({
        auth: mode === 'htpasswd' ? { kind: 'htpasswd', users } : { kind: 'none' },
        ...(options.tls ? { tls: options.tls } : {}),
      });
    }
  } catch (error) {
    await tokenServer?.close();
    releaseKeyDir();
    if (keyDir !== undefined) removeTempDir(keyDir);
    throw error;
  }
  const basic = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const server = tokenServer;
  const authorization =
    mode === 'htpasswd'
      ? () => basic
      : server !== undefined
        ? (repository: string) => `Bearer ${server.issue(ADMIN.user, [{ type: 'repository', name: repository, actions: ['pull', 'push'] }])}`
        : () => undefined;
  return {
    registry,
    ...(tokenServer ? { tokenServer } : {}),
    async seed(images) {
      const seeder = new Seeder({ url: registry.url, authorization, ...(options.tls ? { caFile: options.tls.caFile } : {}) });
      try {
        for (const { repository, tag, image } of images) await seeder.push(repository, tag, image);
      } finally {
        await seeder.close();
      }
    },
    async stop() {
      await registry.stop();
      await tokenServer?.close();
      releaseKeyDir();
      if (keyDir !== undefined) removeTempDir(keyDir);
    },
  };
}
