// Reads `--snapshot FILE` into a ClusterReader. A file that is not a pullguard snapshot gets one
// precise line (file, line, column, what was expected), never a stack trace.
import { readFileSync } from 'node:fs';
import type { ClusterReader } from '../../facts/cluster-reader.js';
import { SNAPSHOT_SCHEMA_VERSION, type ClusterSnapshot } from '../../facts/cluster-snapshot.js';
import { snapshotReader } from '../../facts/snapshot-reader.js';
import { ConfigError } from '../../shared/errors.js';

/** `path` is read; `shown` (the path as the user wrote it) is what messages name. */
export function loadSnapshot(path: string, shown = path): ClusterReader {
  return snapshotReader(readSnapshotFile(path, shown), `snapshot ${shown}`);
}

export function readSnapshotFile(readPath: string, path = readPath): ClusterSnapshot {
  let text: string;
  try {
    text = readFileSync(readPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? 'snapshot file not found' : `cannot read snapshot file (${code ?? 'unknown error'})`, {
      file: path,
    }, { hint: 'Take one with `pullguard snapshot -o FILE`.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, (error as Error).message);
    throw new ConfigError(`not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')}`, { file: path, line, column });
  }
  return validateSnapshot(parsed, path);
}

function validateSnapshot(value: unknown, path: string): ClusterSnapshot {
  const fail = (what: string): never => {
    throw new ConfigError(`not a pullguard snapshot: ${what}`, { file: path }, { hint: 'Take one with `pullguard snapshot -o FILE`.' });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('expected a JSON object');
  const snapshot = value as Record<string, unknown>;
  if (snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    return fail(`expected "schemaVersion": ${SNAPSHOT_SCHEMA_VERSION}, found ${JSON.stringify(snapshot.schemaVersion) ?? 'none'}`);
  }
  const context = snapshot.context as Record<string, unknown> | undefined;
  if (context === undefined || typeof context !== 'object' || typeof context.name !== 'string') fail('expected "context" with a "name"');
  if (snapshot.version === undefined || typeof snapshot.version !== 'object') fail('expected "version" (the /version object)');
  if (!Array.isArray(snapshot.apiGroups)) fail('expected "apiGroups" (a list of group names)');
  if (!Array.isArray(snapshot.nodes)) fail('expected "nodes" (a list)');
  for (const member of ['namespaces', 'serviceAccounts', 'pods', 'events', 'configMaps', 'secrets', 'replicaSets', 'jobs', 'deployments']) {
    if (snapshot[member] !== undefined && !Array.isArray(snapshot[member])) fail(`expected "${member}" to be a list`);
  }
  return value as ClusterSnapshot;
}

/**
 * V8 names a character offset (`at position N`), or for an unexpected token only quotes the text
 * around it (`Unexpected token '#', "# Title"... is not valid JSON`: up to 10 characters either
 * side, `...` where it cut); the user's editor wants a line and column.
 */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const at = /position (\d+)/.exec(message);
  let offset = at === null ? text.length : Number(at[1]);
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (at === null && quoted !== null) {
    const [, token = '', cut, context = ''] = quoted;
    const start = text.indexOf(context);
    if (start >= 0) offset = cut === undefined ? start + Math.max(0, context.indexOf(token)) : start + 10;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
