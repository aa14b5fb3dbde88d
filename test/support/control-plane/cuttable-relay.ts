// A TCP relay in front of the kube-apiserver that a test can cut off and reconnect: a real network
// outage between a client and the server (the bytes, TLS included, pass through untouched). While
// cut, every open connection is reset and every new one is reset on arrival, so a client's
// streams end and its reconnects fail until restore().
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { ControlPlane } from './control-plane.js';
import { writeKubeconfig } from './kubeconfig.js';
import { ADMIN_USER } from './users.js';

export interface CuttableRelay {
  /** `https://127.0.0.1:<port>`: the apiserver through the relay. */
  readonly server: string;
  /** A kubeconfig for the admin user that reaches the apiserver through the relay. */
  readonly adminKubeconfigPath: string;
  /** Connections reset on arrival since the last cut (a client trying to reconnect). */
  readonly refusedSinceCut: number;
  /** Resets every open connection; new ones are reset until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableRelay(controlPlane: ControlPlane, name = 'relay'): Promise<CuttableRelay> {
  const target = new URL(controlPlane.server);
  const open = new Set<Socket>();
  let isCut = false;
  let refused = 0;
  const server: Server = createServer((client) => {
    if (isCut) {
      refused += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    open.add(client);
    open.add(upstream);
    const forget = (): void => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay: no port');
  const url = `https://127.0.0.1:${address.port}`;
  const adminKubeconfigPath = await writeKubeconfig(join(controlPlane.dir, `${name}-${address.port}.kubeconfig`), {
    name: 'pullguard-test',
    server: url,
    caCertPem: controlPlane.caCertPem,
    user: ADMIN_USER,
    token: controlPlane.adminToken,
  });
  return {
    server: url,
    adminKubeconfigPath,
    get refusedSinceCut() {
      return refused;
    },
    cut() {
      isCut = true;
      refused = 0;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      isCut = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
