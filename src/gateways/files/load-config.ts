// gateways/files/: file access (manifests, .pullguard.yaml, docs pages); may import every core folder.
// Finds and reads `.pullguard.yaml`: from `--config`, else the nearest one in the working
// directory or its parents (stopping at a repository root), else the defaults.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, type PullguardConfig } from '../../core/pullguard-config.js';
import { ConfigError } from '../../shared/errors.js';

export interface LoadConfigOptions {
  cwd: string;
  /** `--config FILE`; a missing explicit file is an error. */
  explicitPath?: string;
  knownRuleIds: readonly string[];
}

export async function loadConfig(options: LoadConfigOptions): Promise<PullguardConfig> {
  const path = options.explicitPath === undefined ? findConfigFile(options.cwd) : resolve(options.cwd, options.explicitPath);
  if (path === undefined) return { ...DEFAULT_CONFIG, rules: {}, registries: {} };
  // As the user wrote it when they named it; relative to where they are when it was found.
  const shown = options.explicitPath ?? relative(options.cwd, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(unreadable((error as NodeJS.ErrnoException).code), { file: shown });
  }
  // The YAML parser loads only when there is a file to parse (start-up time).
  const { parseConfig } = await import('../../core/config.js');
  return parseConfig(text, shown, options.knownRuleIds);
}

/** Why a settings file could not be read, in words; the errno code stays for a search. */
function unreadable(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'config file not found';
    case 'EISDIR':
      return 'cannot read config file: it is a directory, expected a YAML file (EISDIR)';
    case 'EACCES':
    case 'EPERM':
      return `cannot read config file: permission denied (${code})`;
    default:
      return `cannot read config file (${code ?? 'unknown error'})`;
  }
}

export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) return undefined;
    dir = parent;
  }
}
