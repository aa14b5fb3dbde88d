// `.pullguard.yaml`: parsed and validated purely from text, so that every mistake is reported
// with its file, line and column (a config error is exit code 2).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { CLUSTER_TYPES } from '../detect/cluster-type.js';
import { TARGET_IDS, type TargetId } from '../detect/target-profile.js';
import type { RegistryHostSettings } from '../facts/registry-gateway.js';
import { ConfigError } from '../shared/errors.js';
import { FAIL_ON_LEVELS, type FailOn } from './fail-on.js';
import { UNVERIFIED_POLICIES } from './unverified-policy.js';
import type { ClusterSetting, PullguardConfig } from './pullguard-config.js';
import type { RuleSetting } from './run-rules.js';
import { suggest } from '../shared/suggest.js';

export { CONFIG_FILE_NAMES, DEFAULT_CONFIG, type PullguardConfig } from './pullguard-config.js';
export { FAIL_ON_LEVELS, type FailOn, suggest };

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

const TOP_LEVEL_KEYS = ['target', 'failOn', 'rules', 'registries', 'platforms', 'unverified', 'clusters'] as const;
const REGISTRY_KEYS = ['mirrors', 'plainHttp', 'caFile', 'insecureSkipVerify'] as const;
const CLUSTER_KEYS = ['type', 'location'] as const;
const LOCATIONS = ['local', 'remote'] as const;

/** One mistake in a settings file, where it is and what was expected there. */
export interface ConfigProblem {
  message: string;
  file: string;
  line?: number;
  column?: number;
  hint?: string;
}

/**
 * Every mistake of a settings file at once, so that fixing one does not just reveal the next.
 * One mistake reads as before (`file:line:column: message`); several get a count and one line each.
 */
export class ConfigProblems extends ConfigError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly [ConfigProblem, ...ConfigProblem[]]) {
    const [first] = problems;
    const hints = [...new Set(problems.flatMap((problem) => (problem.hint === undefined ? [] : [problem.hint])))];
    super(first.message, first, hints.length === 0 ? undefined : { hint: hints.join('\nhint: ') });
    this.problems = problems;
    if (problems.length > 1) {
      this.message = [`${first.file}: ${problems.length} errors`, ...problems.map((problem) => `  ${where(problem)}: ${problem.message}`)].join('\n');
    }
  }
}

function where(location: { file: string; line?: number; column?: number }): string {
  return location.line === undefined ? location.file : `${location.file}:${location.line}:${location.column ?? 1}`;
}

type Location = { file: string; line?: number; column?: number };
type At = (node: YamlNode | null | undefined) => Location;

/** Collects problems while the walk goes on: each check reports and returns undefined instead of throwing. */
interface Checker {
  at: At;
  report(message: string, node: YamlNode | null | undefined, hint?: string): undefined;
}

export function parseConfig(text: string, file: string, knownRuleIds: readonly string[]): PullguardConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at: At = (node) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problems: ConfigProblem[] = [];
  const check: Checker = {
    at,
    report(message, node, hint) {
      problems.push({ message, ...at(node), ...(hint === undefined ? {} : { hint }) });
      return undefined;
    },
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY' ? /^("[^"\n]*"|'[^'\n]*'|[^\s:#][^:\n]*?)\s*:/.exec(text.slice(error.pos[0])) : null;
    const message = duplicate === null ? `invalid YAML: ${error.message.split('\n')[0]}` : `invalid YAML: the key ${JSON.stringify(duplicate[1]!.replace(/^["']|["']$/g, ''))} appears again in the same mapping; expected each key once`;
    problems.push({ message, file, line, column: col });
  }
  // A duplicate key leaves the document whole, so the rest is still worth checking; after any
  // other syntax error the parser's guess at the structure would only add confusing messages.
  const config: PullguardConfig = { file, rules: {}, registries: {} };
  if (doc.errors.every((error) => error.code === 'DUPLICATE_KEY')) readSettings(doc.contents as YamlNode | null, config, knownRuleIds, check);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ConfigProblems([first, ...rest]);
  return config;
}

function readSettings(contents: YamlNode | null, config: PullguardConfig, knownRuleIds: readonly string[], check: Checker): void {
  if (contents === null || (isScalar(contents) && contents.value === null)) return;
  if (!isMap(contents)) {
    check.report(`expected a mapping with keys ${TOP_LEVEL_KEYS.join(', ')}`, contents);
    return;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode;
    const key = scalarString(keyNode, 'key', check);
    if (key === undefined) continue;
    // `target:` with nothing after it has no value node: point at its key.
    const value = (pair.value as YamlNode | null) ?? null;
    switch (key) {
      case 'target': {
        const target = oneOf(value, keyNode, TARGET_IDS, 'target', check);
        if (target !== undefined) config.target = target;
        break;
      }
      case 'failOn': {
        const failOn = oneOf(value, keyNode, FAIL_ON_LEVELS, 'failOn', check);
        if (failOn !== undefined) config.failOn = failOn;
        break;
      }
      case 'unverified': {
        const policy = oneOf(value, keyNode, UNVERIFIED_POLICIES, 'unverified', check);
        if (policy !== undefined) config.unverified = policy;
        break;
      }
      case 'rules':
        for (const [ruleKey, ruleValue, ruleKeyNode] of entries(value, 'rules', check)) {
          if (!knownRuleIds.includes(ruleKey)) {
            check.report(`unknown rule "${ruleKey}"${suggest(ruleKey, knownRuleIds)}`, ruleKeyNode, 'Run `pullguard explain --list` to see every rule id.');
            continue;
          }
          const setting = oneOf(ruleValue, ruleKeyNode, RULE_SETTINGS, `rules.${ruleKey}`, check);
          if (setting !== undefined) config.rules[ruleKey] = setting;
        }
        break;
      case 'registries':
        for (const [host, settingsNode] of entries(value, 'registries', check)) {
          config.registries[host] = parseRegistrySettings(host, settingsNode, check);
        }
        break;
      case 'platforms': {
        const platforms = stringList(value, keyNode, 'platforms', check);
        if (platforms !== undefined) config.platforms = platforms;
        break;
      }
      case 'clusters':
        config.clusters = {};
        for (const [context, settingsNode, contextKeyNode] of entries(value, 'clusters', check)) {
          config.clusters[context] = parseClusterSetting(context, settingsNode, contextKeyNode, check);
        }
        break;
      default:
        check.report(`unknown key "${key}"${suggest(key, TOP_LEVEL_KEYS)}; expected one of ${TOP_LEVEL_KEYS.join(', ')}`, keyNode);
    }
  }
}

function parseRegistrySettings(host: string, node: YamlNode | null, check: Checker): RegistryHostSettings {
  const settings: RegistryHostSettings = {};
  for (const [key, value, keyNode] of entries(node, `registries.${host}`, check)) {
    const path = `registries.${host}.${key}`;
    switch (key) {
      case 'mirrors': {
        const mirrors = stringList(value, keyNode, path, check);
        if (mirrors !== undefined) settings.mirrors = mirrors;
        break;
      }
      case 'plainHttp': {
        const plainHttp = boolean(value, keyNode, path, check);
        if (plainHttp !== undefined) settings.plainHttp = plainHttp;
        break;
      }
      case 'insecureSkipVerify': {
        const insecureSkipVerify = boolean(value, keyNode, path, check);
        if (insecureSkipVerify !== undefined) settings.insecureSkipVerify = insecureSkipVerify;
        break;
      }
      case 'caFile': {
        const caFile = scalarString(value ?? keyNode, path, check, value === null);
        if (caFile !== undefined) settings.caFile = caFile;
        break;
      }
      default:
        check.report(`unknown key "${key}" in registries.${host}${suggest(key, REGISTRY_KEYS)}; expected one of ${REGISTRY_KEYS.join(', ')}`, keyNode);
    }
  }
  return settings;
}

function parseClusterSetting(context: string, node: YamlNode | null, keyNode: YamlNode, check: Checker): ClusterSetting {
  const setting: ClusterSetting = {};
  const found = entries(node, `clusters.${context}`, check);
  if (found.length === 0 && (node === null || (isScalar(node) && node.value === null))) {
    check.report(`clusters.${context}: expected a mapping with type or location, got nothing`, keyNode);
  }
  for (const [key, value, settingKeyNode] of found) {
    const path = `clusters.${context}.${key}`;
    switch (key) {
      case 'type': {
        const type = oneOf(value, settingKeyNode, CLUSTER_TYPES, path, check);
        if (type !== undefined) setting.type = type;
        break;
      }
      case 'location': {
        const location = oneOf(value, settingKeyNode, LOCATIONS, path, check);
        if (location !== undefined) setting.location = location;
        break;
      }
      default:
        check.report(`unknown key "${key}" in clusters.${context}${suggest(key, CLUSTER_KEYS)}; expected one of ${CLUSTER_KEYS.join(', ')}`, settingKeyNode);
    }
  }
  return setting;
}

function entries(node: YamlNode | null, where: string, check: Checker): [string, YamlNode | null, YamlNode][] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) return check.report(`${where}: expected a mapping, got ${describe(node)}`, node) ?? [];
  const out: [string, YamlNode | null, YamlNode][] = [];
  for (const pair of (node as YAMLMap<YamlNode, YamlNode | null>).items) {
    const key = scalarString(pair.key, `${where} key`, check);
    if (key !== undefined) out.push([key, pair.value ?? null, pair.key]);
  }
  return out;
}

/** `missing` says the node is the key of an empty value, for the message. */
function scalarString(node: YamlNode | null | undefined, where: string, check: Checker, missing = false): string | undefined {
  if (!missing && isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return check.report(`${where}: expected a string, got ${missing ? 'nothing' : describe(node)}`, node);
}

function boolean(node: YamlNode | null, keyNode: YamlNode, where: string, check: Checker): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return check.report(`${where}: expected true or false, got ${describe(node)}`, node ?? keyNode);
}

function stringList(node: YamlNode | null, keyNode: YamlNode, where: string, check: Checker): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return node.value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!isSeq(node)) return check.report(`${where}: expected a list of strings, got ${describe(node)}`, node ?? keyNode);
  const items: string[] = [];
  for (const item of node.items) {
    const value = scalarString(item as YamlNode, `${where} item`, check);
    if (value !== undefined) items.push(value);
  }
  return items.length === node.items.length ? items : undefined;
}

function oneOf<T extends string>(node: YamlNode | null, keyNode: YamlNode, allowed: readonly T[], where: string, check: Checker): T | undefined {
  const value = isScalar(node) && node.value !== null ? String(node.value) : undefined;
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  const got = value === undefined ? `, got ${describe(node)}` : `, got "${value}"${suggest(value, allowed)}`;
  return check.report(`${where}: expected one of ${allowed.join(', ')}${got}`, node ?? keyNode);
}

/** What a value is, in the words of the message: `nothing`, `a list`, `a mapping`, `"text"`, `42`. */
function describe(node: YamlNode | null | undefined): string {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
  return 'an alias';
}
