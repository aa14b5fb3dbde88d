// The registry implementations the verdict tables run against, behind one shape: Debian's
// docker-registry (distribution 2.8) and go-containerregistry's `crane registry serve`. Both run
// without auth on a free loopback port and are seeded over HTTP by the same Seeder.
import { startCraneRegistry } from './crane.js';
import { startRegistryFixture, type SeededImage } from './registry-fixture.js';
import { Seeder } from './seed-registry.js';

export const REGISTRY_IMPLEMENTATIONS = ['docker-registry', 'crane'] as const;
export type RegistryImplementation = (typeof REGISTRY_IMPLEMENTATIONS)[number];

export interface LoggedRegistryRequest {
  method: string;
  uri: string;
}

export interface TestRegistry {
  implementation: RegistryImplementation;
  /** `127.0.0.1:<port>`. */
  host: string;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  seed(images: readonly SeededImage[]): Promise<void>;
  /** Requests the registry has logged so far. */
  requests(): LoggedRegistryRequest[];
  waitForRequests(count: number, timeoutMs?: number): Promise<LoggedRegistryRequest[]>;
  /**
   * How many requests are logged once every earlier one is: log lines trail the answers (the
   * pushes of the crane CLI, a separate process, are logged while this one does other work). Sends
   * a marker request and waits for its line.
   */
  settledRequestCount(): Promise<number>;
  stop(): Promise<void>;
}

let markers = 0;

async function settledCount(url: string, requests: () => LoggedRegistryRequest[]): Promise<number> {
  const uri = `/v2/log-marker-${process.pid}-${++markers}/tags/list`;
  const answer = await fetch(`${url}${uri}`);
  await answer.arrayBuffer();
  const deadline = Date.now() + 5_000;
  for (;;) {
    const logged = requests();
    const at = logged.findIndex((r) => r.uri === uri);
    if (at >= 0) return at + 1;
    if (Date.now() > deadline) throw new Error(`the registry did not log ${uri} within 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startTestRegistry(implementation: RegistryImplementation): Promise<TestRegistry> {
  if (implementation === 'docker-registry') {
    const fixture = await startRegistryFixture('none');
    const { registry } = fixture;
    return {
      implementation,
      host: registry.host,
      url: registry.url,
      seed: (images) => fixture.seed(images),
      requests: () => registry.requests(),
      waitForRequests: (count, timeoutMs) => registry.waitForRequests(count, timeoutMs),
      settledRequestCount: () => settledCount(registry.url, () => registry.requests()),
      stop: () => fixture.stop(),
    };
  }
  const registry = await startCraneRegistry();
  return {
    implementation,
    host: registry.host,
    url: registry.url,
    async seed(images) {
      const seeder = new Seeder({ url: registry.url });
      try {
        for (const { repository, tag, image } of images) await seeder.push(repository, tag, image);
      } finally {
        await seeder.close();
      }
    },
    requests: () => registry.requests(),
    waitForRequests: (count, timeoutMs) => registry.waitForRequests(count, timeoutMs),
    settledRequestCount: () => settledCount(registry.url, () => registry.requests()),
    stop: () => registry.stop(),
  };
}
