// Small real HTTP(S) servers for what docker-registry cannot be made to do: answer slowly, send 429
// or 500 on cue, redirect, record the headers it received. Each answers per a handler and logs
// every request (method, path with query, headers).
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v2/app/manifests/v1?ns=docker.io`. */
  url: string;
  headers: IncomingMessage['headers'];
}

export type ScriptedHandler = (request: RecordedRequest, response: ServerResponse, index: number) => void;

export interface ScriptedServer {
  port: number;
  host: string;
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedServer(
  handler: ScriptedHandler,
  options: { tls?: { certFile: string; keyFile: string }; hostname?: string } = {},
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const listener = (incoming: IncomingMessage, response: ServerResponse): void => {
    const request: RecordedRequest = { method: incoming.method ?? '', url: incoming.url ?? '/', headers: incoming.headers };
    requests.push(request);
    incoming.resume();
    incoming.on('end', () => handler(request, response, requests.length - 1));
  };
  const server: Server = options.tls === undefined
    ? createHttpServer(listener)
    : createHttpsServer({ cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) }, listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hostname = options.hostname ?? '127.0.0.1';
  return {
    port,
    host: `${hostname}:${port}`,
    url: `${options.tls === undefined ? 'http' : 'https'}://${hostname}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers like a registry: status, headers, optional JSON body (none for HEAD). */
export function reply(response: ServerResponse, request: RecordedRequest, status: number, headers: Record<string, string> = {}, body?: unknown): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'docker-distribution-api-version': 'registry/2.0', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(request.method === 'HEAD' ? undefined : text);
}
