// Parsing one kubeconfig file as kubectl reads it (sigs.k8s.io/yaml: YAML 1.1 into client-go's
// clientcmd/api/v1 structs): unknown keys are ignored, a key of the wrong type or a duplicate name
// is an error, `*-data` fields are base64, and relative paths (certificate-authority,
// client-certificate, client-key, tokenFile, an exec command with a slash) are resolved against
// the file's own folder. Pure: the caller reads the file. Errors name file, line and column.
import { dirname, isAbsolute, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { ConfigError } from '../../shared/errors.js';
import type {
  ExecEnvVar,
  InteractiveMode,
  KubeconfigCluster,
  KubeconfigContext,
  KubeconfigExec,
  KubeconfigFile,
  KubeconfigUser,
  Named,
  Origin,
} from './kubeconfig-types.js';

const INTERACTIVE_MODES: readonly InteractiveMode[] = ['Never', 'IfAvailable', 'Always'];

/** `file` is the absolute path the text came from: messages name it and relative paths resolve against its folder. */
export function parseKubeconfig(text: string, file: string): KubeconfigFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { version: '1.1', lineCounter, prettyErrors: true, uniqueKeys: false });
  const parsed: KubeconfigFile = { file, clusters: new Map(), users: new Map(), contexts: new Map() };
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const position = syntaxError.linePos?.[0];
    throw new ConfigError(`not valid YAML: ${syntaxError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, {
      file,
      ...(position === undefined ? {} : { line: position.line, column: position.col }),
    });
  }
  const reader = new NodeReader(file, dirname(file), lineCounter);
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return parsed;
  const top = reader.map(root, 'a kubeconfig (a mapping with clusters, users and contexts)');
  readNamedList(reader, top, 'clusters', 'cluster', parsed.clusters, (node) => readCluster(reader, node));
  readNamedList(reader, top, 'users', 'user', parsed.users, (node) => readUser(reader, node));
  readNamedList(reader, top, 'contexts', 'context', parsed.contexts, (node) => readContext(reader, node));
  const current = reader.string(top, 'current-context');
  if (current !== undefined && current !== '') parsed.currentContext = current;
  return parsed;
}

function readNamedList<T>(
  reader: NodeReader,
  top: YAMLMap,
  key: string,
  itemKey: string,
  into: Map<string, Named<T>>,
  read: (node: YamlNode | undefined) => T,
): void {
  const list = top.get(key, true) as YamlNode | undefined;
  if (list === undefined || isNull(list)) return;
  if (!isSeq(list)) reader.fail(list, `"${key}" must be a list`);
  for (const item of list.items as YamlNode[]) {
    const entry = reader.map(item, `an entry of "${key}" (name and ${itemKey})`);
    const name = reader.string(entry, 'name') ?? '';
    if (into.has(name)) reader.fail(item, `duplicate ${itemKey} name "${name}" in "${key}"`);
    into.set(name, { value: read(entry.get(itemKey, true) as YamlNode | undefined), origin: reader.origin(item) });
  }
}

function readCluster(reader: NodeReader, node: YamlNode | undefined): KubeconfigCluster {
  const cluster: KubeconfigCluster = { insecureSkipTlsVerify: false };
  if (node === undefined || isNull(node)) return cluster;
  const map = reader.map(node, 'a cluster (server, certificate-authority, ...)');
  assign(cluster, 'server', reader.string(map, 'server'));
  assign(cluster, 'certificateAuthority', reader.path(map, 'certificate-authority'));
  assign(cluster, 'certificateAuthorityData', reader.base64(map, 'certificate-authority-data'));
  assign(cluster, 'tlsServerName', reader.string(map, 'tls-server-name'));
  assign(cluster, 'proxyUrl', reader.string(map, 'proxy-url'));
  cluster.insecureSkipTlsVerify = reader.boolean(map, 'insecure-skip-tls-verify') ?? false;
  return cluster;
}

function readUser(reader: NodeReader, node: YamlNode | undefined): KubeconfigUser {
  const user: KubeconfigUser = {};
  if (node === undefined || isNull(node)) return user;
  const map = reader.map(node, 'a user (token, client-certificate, exec, ...)');
  assign(user, 'token', reader.string(map, 'token'));
  assign(user, 'tokenFile', reader.path(map, 'tokenFile'));
  assign(user, 'clientCertificate', reader.path(map, 'client-certificate'));
  assign(user, 'clientCertificateData', reader.base64(map, 'client-certificate-data'));
  assign(user, 'clientKey', reader.path(map, 'client-key'));
  assign(user, 'clientKeyData', reader.base64(map, 'client-key-data'));
  assign(user, 'username', reader.string(map, 'username'));
  assign(user, 'password', reader.string(map, 'password'));
  const exec = map.get('exec', true) as YamlNode | undefined;
  if (exec !== undefined && !isNull(exec)) user.exec = readExec(reader, exec);
  const provider = map.get('auth-provider', true) as YamlNode | undefined;
  if (provider !== undefined && !isNull(provider)) {
    assign(user, 'authProvider', reader.string(reader.map(provider, 'an auth-provider (name, config)'), 'name') ?? '');
  }
  return user;
}

function readExec(reader: NodeReader, node: YamlNode): KubeconfigExec {
  const map = reader.map(node, 'an exec plugin (apiVersion, command, args, env)');
  const command = reader.string(map, 'command') ?? '';
  const exec: KubeconfigExec = {
    // client-go resolves a command against the kubeconfig's folder only when it is a path, not a
    // name looked up on PATH.
    command: command.includes('/') && !isAbsolute(command) ? resolve(reader.folder, command) : command,
    args: reader.stringList(map, 'args'),
    env: readEnv(reader, map),
    apiVersion: reader.string(map, 'apiVersion') ?? '',
    provideClusterInfo: reader.boolean(map, 'provideClusterInfo') ?? false,
  };
  assign(exec, 'installHint', reader.string(map, 'installHint'));
  const mode = reader.string(map, 'interactiveMode');
  if (mode !== undefined && mode !== '') {
    if (!INTERACTIVE_MODES.includes(mode as InteractiveMode)) {
      reader.fail(map.get('interactiveMode', true) as YamlNode, `interactiveMode must be one of ${INTERACTIVE_MODES.join(', ')}, found "${mode}"`);
    }
    exec.interactiveMode = mode as InteractiveMode;
  }
  return exec;
}

function readEnv(reader: NodeReader, exec: YAMLMap): ExecEnvVar[] {
  const list = exec.get('env', true) as YamlNode | undefined;
  if (list === undefined || isNull(list)) return [];
  if (!isSeq(list)) reader.fail(list, '"env" must be a list of name and value');
  return (list.items as YamlNode[]).map((item) => {
    const entry = reader.map(item, 'an env entry (name, value)');
    return { name: reader.string(entry, 'name') ?? '', value: reader.string(entry, 'value') ?? '' };
  });
}

function readContext(reader: NodeReader, node: YamlNode | undefined): KubeconfigContext {
  const context: KubeconfigContext = { cluster: '', user: '' };
  if (node === undefined || isNull(node)) return context;
  const map = reader.map(node, 'a context (cluster, user, namespace)');
  context.cluster = reader.string(map, 'cluster') ?? '';
  context.user = reader.string(map, 'user') ?? '';
  assign(context, 'namespace', reader.string(map, 'namespace'));
  return context;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

function isNull(node: YamlNode): boolean {
  return isScalar(node) && node.value === null;
}

/** Typed reads of a YAML node with the errors Go's JSON decoding would raise, positioned. */
class NodeReader {
  constructor(
    readonly file: string,
    readonly folder: string,
    private readonly lineCounter: LineCounter,
  ) {}

  origin(node: YamlNode | undefined): Origin {
    const position = this.lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file: this.file, line: position.line, column: position.col };
  }

  fail(node: YamlNode | undefined, message: string): never {
    const { line, column } = this.origin(node);
    throw new ConfigError(message, { file: this.file, line, column });
  }

  map(node: YamlNode | undefined, what: string): YAMLMap {
    if (node === undefined || !isMap(node)) this.fail(node, `expected ${what}`);
    return node as YAMLMap;
  }

  string(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true) as YamlNode | undefined;
    if (node === undefined || isNull(node)) return undefined;
    // Go decodes into a string field only from a YAML string (sigs.k8s.io/yaml goes through JSON).
    if (!isScalar(node) || typeof node.value !== 'string') this.fail(node, `"${key}" must be a string`);
    return node.value as string;
  }

  boolean(map: YAMLMap, key: string): boolean | undefined {
    const node = map.get(key, true) as YamlNode | undefined;
    if (node === undefined || isNull(node)) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(node, `"${key}" must be true or false`);
    return node.value as boolean;
  }

  stringList(map: YAMLMap, key: string): string[] {
    const node = map.get(key, true) as YamlNode | undefined;
    if (node === undefined || isNull(node)) return [];
    if (!isSeq(node)) this.fail(node, `"${key}" must be a list of strings`);
    return (node.items as YamlNode[]).map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string') this.fail(item, `"${key}" must be a list of strings`);
      return item.value as string;
    });
  }

  /** A file path, resolved against the kubeconfig's folder as client-go's ResolveLocalPaths does. */
  path(map: YAMLMap, key: string): string | undefined {
    const value = this.string(map, key);
    return value === undefined || value === '' ? value : resolve(this.folder, value);
  }

  /** A Go `[]byte` field: standard base64 with padding (line breaks ignored, as Go's decoder does). */
  base64(map: YAMLMap, key: string): string | undefined {
    const value = this.string(map, key);
    if (value === undefined || value === '') return undefined;
    const compact = value.replace(/[\r\n]/g, '');
    const bad = /[^A-Za-z0-9+/=]/.exec(compact);
    const badPadding = compact.length % 4 !== 0 || /=[^=]|={3}/.test(compact);
    if (bad !== null || badPadding) {
      const at = bad?.index ?? Math.max(0, compact.length - (compact.length % 4));
      this.fail(map.get(key, true) as YamlNode, `"${key}" is not valid base64 (illegal data at input byte ${at})`);
    }
    return Buffer.from(compact, 'base64').toString('utf8');
  }
}
