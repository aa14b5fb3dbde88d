// ajv set up once for the formatter tests: draft-07 schemas (ajv's default class), with the
// formats (uri, uri-reference, date-time) that the SARIF schema uses.
import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The repository root, from this module's place in build/test/unit/formatters/. */
export function repoPath(relative: string): string {
  return new URL(`../../../../${relative}`, import.meta.url).pathname;
}

export function readRepoFile(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8');
}

export function compileSchema(schema: AnySchema, options: { strict: boolean }): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: options.strict });
  // ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose
  // `default` property is the plugin.
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** Validates and fails with ajv's own list of errors, so that a failing test says what is wrong. */
export function schemaErrors(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? '' : JSON.stringify(validate.errors, null, 2);
}
