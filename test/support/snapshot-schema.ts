// The snapshot's JSON Schema (docs/snapshot.schema.json, draft 2020-12), compiled once for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { repoRoot } from './control-plane/repo-root.js';

let validate: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** The schema's errors for `value`, as one string per error; empty when it conforms. */
export function snapshotSchemaErrors(value: unknown): string[] {
  if (validate === undefined) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot(), 'docs/snapshot.schema.json'), 'utf8')) as object);
  }
  if (validate(value)) return [];
  return ((validate.errors ?? []) as { instancePath: string; message?: string }[]).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
