// `.pullguard.yaml`: parsed and validated purely from text, so that every mistake is reported
// with its file, line and column (a config error is exit code 2).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { TARGET_IDS, type TargetId } from '../detect/target-profile.js';
import type { RegistryHostSettings } from '../facts/registry-gateway.js';
import { ConfigError } from './errors.js';
import { FAIL_ON_LEVELS, type FailOn } from './fail-on.js';
import type { PullguardConfig } from './pullguard-config.js';
import type { RuleSetting } from './run-rules.js';
import { suggest } from './suggest.js';

export { CONFIG_FILE_NAMES, DEFAULT_CONFIG, type PullguardConfig } from './pullguard-config.js';
export { FAIL_ON_LEVELS, type FailOn, suggest };

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

const TOP_LEVEL_KEYS = ['target', 'failOn', 'rules', 'registries', 'platforms'] as const;
const REGISTRY_KEYS = ['mirrors', 'plainHttp', 'caFile', 'insecureSkipVerify'] as const;

export function parseConfig(text: string, file: string, knownRuleIds: readonly string[]): PullguardConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined): { file: string; line?: number; column?: number } => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new ConfigError(`invalid YAML: ${firstError.message.split('\n')[0]}`, { file, line, column: col });
  }
  const config: PullguardConfig = { file, rules: {}, registries: {} };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return config;
  if (!isMap(doc.contents)) throw new ConfigError('expected a mapping with keys ' + TOP_LEVEL_KEYS.join(', '), at(doc.contents));

  for (const pair of doc.contents.items) {
    const key = scalarString(pair.key as YamlNode, at);
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'target':
        config.target = oneOf(value, TARGET_IDS, 'target', at);
        break;
      case 'failOn':
        config.failOn = oneOf(value, FAIL_ON_LEVELS, 'failOn', at);
        break;
      case 'rules':
        for (const [ruleKey, ruleValue, keyNode] of entries(value, 'rules', at)) {
          if (!knownRuleIds.includes(ruleKey)) {
            throw new ConfigError(`unknown rule "${ruleKey}"${suggest(ruleKey, knownRuleIds)}`, at(keyNode), {
              hint: 'Run `pullguard explain --list` to see every rule id.',
            });
          }
          config.rules[ruleKey] = oneOf(ruleValue, RULE_SETTINGS, `rules.${ruleKey}`, at);
        }
        break;
      case 'registries':
        for (const [host, settingsNode] of entries(value, 'registries', at)) {
          config.registries[host] = parseRegistrySettings(host, settingsNode, at);
        }
        break;
      case 'platforms':
        config.platforms = stringList(value, 'platforms', at);
        break;
      default:
        throw new ConfigError(`unknown key "${key}"${suggest(key, TOP_LEVEL_KEYS)}; expected one of ${TOP_LEVEL_KEYS.join(', ')}`, at(pair.key as YamlNode));
    }
  }
  return config;
}

type At = (node: YamlNode | null | undefined) => { file: string; line?: number; column?: number };

function parseRegistrySettings(host: string, node: YamlNode | null, at: At): RegistryHostSettings {
  const settings: RegistryHostSettings = {};
  for (const [key, value, keyNode] of entries(node, `registries.${host}`, at)) {
    switch (key) {
      case 'mirrors':
        settings.mirrors = stringList(value, `registries.${host}.mirrors`, at);
        break;
      case 'plainHttp':
        settings.plainHttp = boolean(value, `registries.${host}.plainHttp`, at);
        break;
      case 'insecureSkipVerify':
        settings.insecureSkipVerify = boolean(value, `registries.${host}.insecureSkipVerify`, at);
        break;
      case 'caFile':
        settings.caFile = scalarString(value, at, `registries.${host}.caFile`);
        break;
      default:
        throw new ConfigError(`unknown key "${key}" in registries.${host}; expected one of ${REGISTRY_KEYS.join(', ')}`, at(keyNode));
    }
  }
  return settings;
}

function entries(node: YamlNode | null, where: string, at: At): [string, YamlNode | null, YamlNode][] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isMap(node)) throw new ConfigError(`${where}: expected a mapping`, at(node));
  return (node as YAMLMap<YamlNode, YamlNode | null>).items.map((pair) => [scalarString(pair.key, at), pair.value, pair.key]);
}

function scalarString(node: YamlNode | null | undefined, at: At, where = 'key'): string {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  throw new ConfigError(`${where}: expected a string`, at(node));
}

function boolean(node: YamlNode | null, where: string, at: At): boolean {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  throw new ConfigError(`${where}: expected true or false`, at(node));
}

function stringList(node: YamlNode | null, where: string, at: At): string[] {
  if (isSeq(node)) return node.items.map((item) => scalarString(item as YamlNode, at, `${where} item`));
  if (isScalar(node) && typeof node.value === 'string') return node.value.split(',').map((s) => s.trim()).filter(Boolean);
  throw new ConfigError(`${where}: expected a list of strings`, at(node));
}

function oneOf<T extends string>(node: YamlNode | null, allowed: readonly T[], where: string, at: At): T {
  const value = isScalar(node) ? String(node.value) : undefined;
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${where}: expected one of ${allowed.join(', ')}${value === undefined ? '' : `, got "${value}"`}${value === undefined ? '' : suggest(value, allowed)}`, at(node));
}
