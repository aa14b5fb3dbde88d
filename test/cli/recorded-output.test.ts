// The output of `lint` and `check` on the real-world corpus and on the bundled example, byte for
// byte, as recorded in test/fixtures/recorded/. Refactors must leave it unchanged; a change of
// behaviour is re-recorded on purpose (PULLGUARD_RECORD=1 npm test -- recorded-output) and the
// diff of the recordings reviewed with the change.
//
// `check` runs with a proxy that refuses every connection, so that every registry answers the same
// way on every machine (a real network would make the recording depend on the day).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT, runCli } from './run-cli.js';

const RECORDED = join(ROOT, 'test/fixtures/recorded');
const record = process.env['PULLGUARD_RECORD'] === '1';

let refusingProxy = '';
before(async () => {
  // A port that was just free and is closed again: connections to it are refused.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  refusingProxy = `http://127.0.0.1:${address.port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Case {
  name: string;
  args: string[];
  cwd: string;
  env?: () => Record<string, string>;
}

const offline = (): Record<string, string> => ({ HTTPS_PROXY: refusingProxy, HTTP_PROXY: refusingProxy, NO_PROXY: '' });

const CASES: Case[] = [
  { name: 'lint-corpus-remote.json', args: ['lint', 'corpus/realworld', '--target', 'remote', '-o', 'json'], cwd: join(ROOT, '..', 'shared') },
  { name: 'lint-corpus-kind.json', args: ['lint', 'corpus/realworld', '--target', 'kind', '-o', 'json'], cwd: join(ROOT, '..', 'shared') },
  { name: 'lint-corpus-aks.txt', args: ['lint', 'corpus/realworld', '--target', 'aks'], cwd: join(ROOT, '..', 'shared') },
  { name: 'lint-example-incident.txt', args: ['lint', 'examples/webapi/incident', '--target', 'aks'], cwd: ROOT },
  { name: 'lint-example-fixed.json', args: ['lint', 'examples/webapi/fixed', '--target', 'aks', '-o', 'json'], cwd: ROOT },
  {
    name: 'check-corpus-remote.json',
    args: ['check', 'corpus/realworld', '--target', 'remote', '--no-docker-config', '-o', 'json'],
    cwd: join(ROOT, '..', 'shared'),
    env: offline,
  },
  { name: 'check-example-incident.txt', args: ['check', 'examples/webapi/incident', '--target', 'aks', '--no-docker-config'], cwd: ROOT, env: offline },
  { name: 'check-example-fixed.json', args: ['check', 'examples/webapi/fixed', '--target', 'aks', '--no-docker-config', '-o', 'json'], cwd: ROOT, env: offline },
];

/** The exit code is recorded with the output: a line of its own after it. */
function recording(code: number, stdout: string): string {
  return `${stdout}--- exit ${code}\n`;
}

describe('recorded output of lint and check', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const run = runCli(c.args, { cwd: c.cwd, ...(c.env === undefined ? {} : { env: c.env() }) });
      assert.equal(run.stderr, '', 'nothing on stderr');
      const actual = recording(run.code, run.stdout);
      const file = join(RECORDED, c.name);
      if (record || !existsSync(file)) {
        assert.ok(record, `${file} is missing: record it with PULLGUARD_RECORD=1 npm test -- recorded-output`);
        writeFileSync(file, actual);
        return;
      }
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});
