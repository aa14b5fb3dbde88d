// Writes the prompt's answer into the settings file the run reads (`--config`, else the nearest
// `.pullguard.yaml`, else a new one in the working directory). Written to a temporary file and
// renamed, so that an interrupted write never leaves half a settings file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { withClusterAnswer } from '../../core/cluster-answer-edit.js';
import { ConfigError } from '../../shared/errors.js';
import { findConfigFile } from './load-config.js';

export interface SaveClusterAnswerOptions {
  cwd: string;
  explicitPath?: string;
  context: string;
  location: 'local' | 'remote';
}

/** Returns the path written. */
export function saveClusterAnswer(options: SaveClusterAnswerOptions): string {
  const path =
    options.explicitPath === undefined ? (findConfigFile(options.cwd) ?? join(resolve(options.cwd), '.pullguard.yaml')) : resolve(options.cwd, options.explicitPath);
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`cannot read config file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file: path });
    }
  }
  const updated = withClusterAnswer(text, path, options.context, options.location);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, updated, { mode: 0o644 });
    renameSync(temporary, path);
  } catch (error) {
    throw new ConfigError(`cannot write config file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file: path });
  }
  return path;
}
