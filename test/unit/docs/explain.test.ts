// `pullguard explain`: the library functions (src/commands/explain.ts) and the CLI in-process.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { run } from '../../../src/cli/main.js';
import { docsPageText } from '../../../src/cli/docs-page-text.js';
import { explain, explainList, explainPage, isExplainable } from '../../../src/commands/explain.js';
import { causeDocsUrl, ruleDocsUrl } from '../../../src/core/docs-url.js';
import { PullguardError, UsageError } from '../../../src/shared/errors.js';
import { CAUSE_IDS, getCause } from '../../../src/causes/index.js';
import { RULES } from '../../../src/rules/index.js';
import { readPage } from './doc-pages.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

describe('explain(id)', () => {
  it('returns the page of a rule exactly as written', () => {
    assert.equal(explain('latest-tag'), readPage('rules', 'latest-tag'));
  });

  it('returns the page of a failure cause exactly as written', () => {
    assert.equal(explain('image-not-found'), readPage('causes', 'image-not-found'));
  });

  it('finds the page of every rule and every cause', () => {
    for (const rule of RULES) assert.equal(explain(rule.meta.id).split('\n')[0], `# ${rule.meta.id}`);
    for (const id of CAUSE_IDS) assert.equal(explain(id).split('\n')[0], `# ${id}`);
  });

  it('finds a page whatever the case of the id', () => {
    for (const id of ['Latest-Tag', 'LATEST-TAG', 'latest-Tag']) assert.equal(explain(id), readPage('rules', 'latest-tag'), id);
    assert.equal(explain('Image-Not-Found'), readPage('causes', 'image-not-found'));
    assert.deepEqual(explainPage('DNS-Error'), { id: 'dns-error', section: 'causes', markdown: readPage('causes', 'dns-error') });
    assert.equal(isExplainable('Missing-Tag'), true);
    assert.equal(isExplainable('readme'), false);
  });

  it('suggests the nearest id for a mistyped one in any case, quoting it as typed', () => {
    const error = thrown(() => explain('Latset-Tag'));
    assert.ok(error instanceof UsageError);
    assert.equal(error.message, 'no rule or failure cause named "Latset-Tag" (did you mean "latest-tag"?)');
  });

  it('rejects an unknown id as a usage error, with a suggestion and a hint', () => {
    const error = thrown(() => explain('latset-tag'));
    assert.ok(error instanceof UsageError);
    assert.equal(error.message, 'no rule or failure cause named "latset-tag" (did you mean "latest-tag"?)');
    assert.equal(error.hint, 'Run `pullguard explain --list` to see every rule and cause.');
  });

  it('suggests failure causes too', () => {
    const error = thrown(() => explain('dns-eror'));
    assert.ok(error instanceof UsageError);
    assert.equal(error.message, 'no rule or failure cause named "dns-eror" (did you mean "dns-error"?)');
  });

  it('does not read files outside the docs folders', () => {
    for (const id of ['../README', '../../package', 'README', 'readme', 'Readme', 'rules/latest-tag', 'RULES/LATEST-TAG', '']) {
      assert.ok(thrown(() => explain(id)) instanceof UsageError, id);
    }
  });

  it('says so when a known id has no installed page, with the URL of the page', () => {
    const error = thrown(() => explain('latest-tag', () => undefined));
    assert.ok(error instanceof PullguardError && !(error instanceof UsageError));
    assert.equal(error.message, 'the documentation of "latest-tag" is not installed (docs/rules/latest-tag.md is missing)');
    assert.equal(error.hint, `Read it at ${ruleDocsUrl('latest-tag')}`);
    const cause = thrown(() => explain('dns-error', () => undefined));
    assert.ok(cause instanceof PullguardError);
    assert.equal(cause.message, 'the documentation of "dns-error" is not installed (docs/causes/dns-error.md is missing)');
    assert.equal(cause.hint, `Read it at ${causeDocsUrl('dns-error')}`);
  });

  it('reads only the section the id belongs to', () => {
    const asked: string[] = [];
    explain('image-not-found', (section, id) => {
      asked.push(`${section}/${id}`);
      return '# image-not-found\n';
    });
    assert.deepEqual(asked, ['causes/image-not-found']);
  });

  it('adds a final newline to a page without one', () => {
    assert.equal(explain('latest-tag', (section) => (section === 'rules' ? '# latest-tag' : undefined)), '# latest-tag\n');
  });
});

describe('explainList()', () => {
  const list = explainList();
  const lines = list.split('\n');

  it('lists every rule with its default severity and description, then every cause with its summary', () => {
    const width = Math.max(...RULES.map((r) => r.meta.id.length), ...CAUSE_IDS.map((id) => id.length));
    assert.deepEqual(lines, [
      'Rules (pullguard explain RULE):',
      ...RULES.map(({ meta }) => `  ${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(7)}  ${meta.description}`),
      '',
      'Failure causes (pullguard explain CAUSE):',
      ...CAUSE_IDS.map((id) => `  ${id.padEnd(width)}  ${getCause(id).summary}`),
      '',
    ]);
  });

  it('names 12 rules and 19 causes', () => {
    assert.equal(lines.filter((line) => RULES.some((r) => line.startsWith(`  ${r.meta.id} `))).length, RULES.length);
    assert.equal(lines.filter((line) => CAUSE_IDS.some((id) => line.startsWith(`  ${id} `))).length, 19);
  });
});

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('pullguard explain (CLI, in-process)', () => {
  const textOf = (section: 'rules' | 'causes', id: string, color = false): string =>
    docsPageText(readPage(section, id), { pagePath: `${section}/${id}.md`, color, isExplainable });

  it('prints a page as text and exits 0', async () => {
    assert.deepEqual(await cli(['explain', 'never-pull-on-remote']), { code: 0, stdout: textOf('rules', 'never-pull-on-remote'), stderr: '' });
  });

  it('prints the same text whatever the case of the id', async () => {
    assert.deepEqual(await cli(['explain', 'Never-Pull-On-Remote']), { code: 0, stdout: textOf('rules', 'never-pull-on-remote'), stderr: '' });
  });

  it('prints the page as written for --format markdown (-o markdown)', async () => {
    assert.deepEqual(await cli(['explain', 'image-not-found', '--format', 'markdown']), { code: 0, stdout: readPage('causes', 'image-not-found'), stderr: '' });
    assert.deepEqual(await cli(['explain', 'Latest-Tag', '-o', 'markdown']), { code: 0, stdout: readPage('rules', 'latest-tag'), stderr: '' });
  });

  it('uses colour only when asked or on a terminal', async () => {
    assert.deepEqual(await cli(['explain', 'latest-tag', '--color']), { code: 0, stdout: textOf('rules', 'latest-tag', true), stderr: '' });
    assert.deepEqual(await cli(['explain', 'latest-tag'], { FORCE_COLOR: '1' }), { code: 0, stdout: textOf('rules', 'latest-tag', true), stderr: '' });
    assert.match(textOf('rules', 'latest-tag', true), /^\u001b\[1mlatest-tag\u001b\[22m\n==========\n/);
  });

  it('rejects an unknown --format', async () => {
    const run = await cli(['explain', 'latest-tag', '-o', 'html']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^pullguard: error: option '-o, --format <format>' argument 'html' is invalid\. "html" is not a format; expected one of text, markdown\.\n/);
  });

  it('prints the list for --list and for no id', async () => {
    assert.deepEqual(await cli(['explain', '--list']), { code: 0, stdout: explainList(), stderr: '' });
    assert.deepEqual(await cli(['explain']), { code: 0, stdout: explainList(), stderr: '' });
  });

  it('prints one line and a hint for an unknown id, and exits 2', async () => {
    assert.deepEqual(await cli(['explain', 'latest-tags']), {
      code: 2,
      stdout: '',
      stderr: 'pullguard: no rule or failure cause named "latest-tags" (did you mean "latest-tag"?)\nhint: Run `pullguard explain --list` to see every rule and cause.\n',
    });
  });
});
