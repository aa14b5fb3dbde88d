// A ClusterReader that asks each question once per run: detection and gathering both read the
// nodes (the largest list of a big cluster), and must not pay for it twice. Calls with the same
// arguments share one answer, in flight or settled.
import type { ClusterReader } from '../facts/cluster-reader.js';

export function oncePerRun(reader: ClusterReader): ClusterReader {
  const answers = new Map<string, Promise<unknown>>();
  const once =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const key = `${name}\u0000${JSON.stringify(args)}`;
      let answer = answers.get(key) as Promise<R> | undefined;
      if (answer === undefined) {
        answer = call(...args);
        answers.set(key, answer);
      }
      return answer;
    };
  return {
    source: reader.source,
    context: reader.context,
    version: once('version', () => reader.version()),
    apiGroups: once('apiGroups', () => reader.apiGroups()),
    nodes: once('nodes', () => reader.nodes()),
    namespaces: once('namespaces', () => reader.namespaces()),
    serviceAccounts: once('serviceAccounts', (scope) => reader.serviceAccounts(scope)),
    pods: once('pods', (scope) => reader.pods(scope)),
    events: once('events', (scope) => reader.events(scope)),
    localRegistryHosting: once('localRegistryHosting', () => reader.localRegistryHosting()),
    secrets: once('secrets', (scope) => reader.secrets(scope)),
    pullSecretCredentials: once('pullSecretCredentials', (namespace: string, name: string) => reader.pullSecretCredentials(namespace, name)),
  };
}
