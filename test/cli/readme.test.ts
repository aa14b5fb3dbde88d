// README.md against the CLI it describes: the commands table lists every command and no other,
// every flag it names exists, every command's --help teaches (examples), and the install and CI
// instructions install what exists today (a clone or a packed tarball, never the unpublished name).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { VERSION } from '../../src/version.js';
import { ROOT, runCli } from './run-cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function helpOf(args: string[]): string {
  const run = runCli([...args, '--help']);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/** The command names of `pullguard --help`, without commander's own `help`. */
function cliCommands(): string[] {
  const help = helpOf([]);
  const section = help.slice(help.indexOf('\nCommands:\n') + '\nCommands:\n'.length).split('\n\n')[0]!;
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
}

/** The first word of each `pullguard ...` row of README's commands table. */
function readmeTableCommands(): string[] {
  const section = README.slice(README.indexOf('\n## Commands\n'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| command |')));
  return [...table.matchAll(/^\| `pullguard ([a-z]+)\b/gm)].map((match) => match[1]!);
}

/** In the order `pullguard --help` lists them: the pipeline from manifests to cluster, then help. */
const COMMANDS = ['lint', 'check', 'render', 'deploy', 'detect', 'snapshot', 'diagnose', 'report', 'classify', 'explain'];

describe('README.md and the CLI', () => {
  it(`the CLI has the commands ${COMMANDS.join(', ')}`, () => {
    assert.deepEqual(cliCommands(), COMMANDS);
  });

  it("the commands table lists every command of the CLI, in the CLI's order, and no other", () => {
    assert.deepEqual(readmeTableCommands(), cliCommands());
  });

  it('every flag README names is an option of some command', () => {
    const options = new Set([helpOf([]), ...cliCommands().map((command) => helpOf([command]))].flatMap((help) => [...help.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0])));
    const npmFlags = new Set(['--global']);
    const named = [...new Set([...README.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]))].filter((flag) => !npmFlags.has(flag));
    assert.ok(named.length >= 8, `only ${named.length} flags found in README`);
    assert.deepEqual(named.filter((flag) => !options.has(flag)), []);
  });

  for (const command of COMMANDS) {
    it(`\`pullguard ${command} --help\` teaches: a description, examples of the command, defaults`, () => {
      const help = helpOf([command]);
      assert.match(help, new RegExp(`^Usage: pullguard ${command} \\[options\\]`));
      assert.match(help, new RegExp(`\\nExamples:\\n {2}\\$ pullguard ${command} `));
      assert.match(help, /default:\s/);
    });
  }

  it('`pullguard --help` has examples of every command', () => {
    const help = helpOf([]);
    for (const command of cliCommands()) assert.match(help, new RegExp(`\\n {2}\\$ pullguard ${command} `));
    assert.match(help, /\nRun `pullguard COMMAND --help` for the options and examples of a command\.\n$/);
  });
});

describe('README.md install and CI instructions', () => {
  it('starts with the two commands that work in a fresh clone', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    assert.deepEqual(
      first.split('\n').map((line) => line.split('#')[0]!.trim()),
      ['npm ci && npm run example', 'npm ci && npm test', ''],
    );
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(manifest.scripts['example'], 'node scripts/example.mjs');
    assert.equal(manifest.scripts['test'], 'node scripts/test.mjs');
  });

  it('installs from a clone or a packed tarball, never by the package name (not published: npx would run whatever claims it)', () => {
    assert.doesNotMatch(README, /npx\s+pullguard|npm (install|i|exec)\s+(--global\s+|-g\s+)?pullguard\b|yarn (global )?add pullguard|pnpm (add|dlx)/);
    const install = README.slice(README.indexOf('\n## Install\n'), README.indexOf('\n## Commands\n'));
    assert.match(install, /\nnpm ci && npm run build\nnpm install --global \. /);
    assert.match(install, /\nnpm ci && npm run build && npm pack /);
    assert.match(install, new RegExp(`\\nnpm install --global \\./pullguard-${VERSION.replace(/\./g, '\\.')}\\.tgz\\n`));
  });

  it('the CI example installs the tarball before running pullguard', () => {
    const ci = README.slice(README.indexOf('\n## In CI\n'), README.indexOf('\n## Development\n'));
    const install = ci.indexOf(`npm install --global ./tools/pullguard-${VERSION}.tgz`);
    assert.ok(install > 0, 'the CI example does not install the tarball');
    assert.ok(ci.indexOf('- run: pullguard lint') > install);
    assert.ok(ci.indexOf('- run: pullguard check') > install);
  });
});
