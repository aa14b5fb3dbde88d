// The suite's own token service for docker-registry's token auth (docs/registry-testing.md §1c):
// GET /token with Basic or anonymously, POST /token with the OAuth2 refresh_token or password grant.
// Issues ES256 JWTs with a libtrust `kid`, and logs every call so tests can count token round-trips.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signEs256Jwt } from './jwt.js';
import type { TokenSigningKey } from './pki.js';

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenRequestRecord {
  method: string;
  /** `undefined` for anonymous. */
  subject?: string;
  grantType?: string;
  service?: string;
  scopes: string[];
  granted: Access[];
  status: number;
  /** The token handed out, so tests can assert it never shows up in output. */
  token?: string;
}

export interface TokenServerOptions {
  key: TokenSigningKey;
  issuer: string;
  service: string;
  users?: Readonly<Record<string, string>>;
  /** Refresh token → user. */
  refreshTokens?: Readonly<Record<string, string>>;
  /** Repositories anonymous users may pull (default: every repository). */
  anonymousPull?: (repository: string) => boolean;
  /** Actions a user may have on a repository (default: whatever was asked). */
  userAccess?: (user: string, repository: string) => readonly string[] | undefined;
  /** Answer POST with 404, as a realm without the OAuth2 endpoint does. */
  disablePost?: boolean;
  ttlSeconds?: number;
}

export interface TokenServer {
  port: number;
  realm: string;
  requests: TokenRequestRecord[];
  /** A token signed like the served ones, for seeding (`pull,push`). */
  issue(subject: string, access: Access[]): string;
  close(): Promise<void>;
}

/** `repository:team/app:pull,push` → Access; the name may contain `:` (ports), so cut at first and last. */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last <= first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',').filter((a) => a !== '') };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function basicUser(request: IncomingMessage): { user: string; password: string } | undefined {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const requests: TokenRequestRecord[] = [];
  const ttl = options.ttlSeconds ?? 300;
  const issue = (subject: string, access: Access[]): string => {
    const now = Math.floor(Date.now() / 1000);
    return signEs256Jwt(
      { kid: options.key.kid },
      { iss: options.issuer, sub: subject, aud: options.service, exp: now + ttl, nbf: now - 1, iat: now, jti: randomUUID(), access },
      options.key.privateKey,
    );
  };
  const grant = (subject: string | undefined, scopes: string[]): Access[] =>
    scopes
      .map(parseScope)
      .filter((a): a is Access => a !== undefined && a.type === 'repository')
      .map((asked) => {
        const allowed = subject === undefined
          ? ((options.anonymousPull ?? (() => true))(asked.name) ? ['pull'] : [])
          : (options.userAccess?.(subject, asked.name) ?? asked.actions);
        return { ...asked, actions: asked.actions.filter((a) => allowed.includes(a) || allowed.includes('*')) };
      })
      .filter((a) => a.actions.length > 0);

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://token.invalid');
      const record: TokenRequestRecord = { method: request.method ?? '', scopes: [], granted: [], status: 0 };
      requests.push(record);
      const fail = (status: number, body: unknown): void => {
        record.status = status;
        json(response, status, body);
      };
      if (url.pathname !== '/token') return fail(404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] });
      let subject: string | undefined;
      let params = url.searchParams;
      if (request.method === 'POST') {
        if (options.disablePost === true) return fail(404, { errors: [{ code: 'NOT_FOUND', message: 'no OAuth2 endpoint' }] });
        params = new URLSearchParams(await readBody(request));
        record.grantType = params.get('grant_type') ?? undefined;
        if (record.grantType === 'refresh_token') {
          subject = options.refreshTokens?.[params.get('refresh_token') ?? ''];
          if (subject === undefined) return fail(401, { error: 'invalid_grant', details: 'unknown refresh token' });
        } else if (record.grantType === 'password') {
          const user = params.get('username') ?? '';
          if (options.users?.[user] === undefined || options.users[user] !== params.get('password')) return fail(401, { error: 'invalid_grant', details: 'bad credentials' });
          subject = user;
        } else {
          return fail(400, { error: 'unsupported_grant_type' });
        }
      } else {
        const basic = basicUser(request);
        if (basic !== undefined) {
          if (options.users?.[basic.user] === undefined || options.users[basic.user] !== basic.password) {
            return fail(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
          }
          subject = basic.user;
        }
      }
      record.service = params.get('service') ?? undefined;
      record.scopes = params.getAll('scope').flatMap((s) => s.split(' ')).filter((s) => s !== '');
      if (subject !== undefined) record.subject = subject;
      record.granted = grant(subject, record.scopes);
      const token = issue(subject ?? '', record.granted);
      record.status = 200;
      record.token = token;
      json(response, 200, { token, access_token: token, expires_in: ttl, issued_at: new Date().toISOString() });
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    realm: `http://127.0.0.1:${port}/token`,
    requests,
    issue,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
