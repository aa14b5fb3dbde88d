// The `yaml` package behind a module of its own, so that load-build-tools.ts can load it only when
// a kustomization or skaffold.yaml is there (a dynamic import of a module of ours keeps its named
// exports in the CLI's bundle; one of the CommonJS package itself would not).
import { LineCounter, parseAllDocuments } from 'yaml';

export interface ParsedYaml {
  documents: unknown[];
  locate(document: number, path: readonly (string | number)[]): { line: number; column: number };
}

/** Every document of a build tool's file, scalars as written, or undefined when it is not YAML. */
export function parseYamlText(text: string): ParsedYaml | undefined {
  // The failsafe schema keeps every scalar as written (`newTag: 1.10` stays "1.10", as kustomize reads it).
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  if (!Array.isArray(parsed)) return undefined;
  const documents = parsed.map((document) => (document.errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 })));
  return {
    documents,
    locate(index, path) {
      const node = parsed[index]?.getIn(path, true) as { range?: [number, number, number] } | undefined;
      const offset = node?.range?.[0] ?? 0;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}
