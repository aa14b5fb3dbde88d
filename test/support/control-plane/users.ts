// The two users every control plane knows, authenticated by static bearer tokens
// (kube-apiserver --token-auth-file): an administrator, and a user with no permissions beyond what
// RBAC gives every authenticated user, so tests can provoke 403s and grant narrow roles themselves.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ADMIN_USER = 'pullguard-admin';
export const RESTRICTED_USER = 'pullguard-restricted';

export interface StaticUsers {
  adminToken: string;
  restrictedToken: string;
  tokenFilePath: string;
}

/** One line of the token file: `token,user,uid,"group1,group2"`. */
export function tokenFileLine(token: string, user: string, groups: readonly string[]): string {
  return `${token},${user},${user},"${groups.join(',')}"`;
}

export async function createStaticUsers(dir: string): Promise<StaticUsers> {
  const adminToken = randomBytes(24).toString('hex');
  const restrictedToken = randomBytes(24).toString('hex');
  const tokenFilePath = join(dir, 'tokens.csv');
  await writeFile(
    tokenFilePath,
    [tokenFileLine(adminToken, ADMIN_USER, ['system:masters']), tokenFileLine(restrictedToken, RESTRICTED_USER, []), ''].join('\n'),
    { mode: 0o600 },
  );
  return { adminToken, restrictedToken, tokenFilePath };
}
