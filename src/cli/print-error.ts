import { CommanderError } from '@commander-js/extra-typings';
import { isPullguardError } from '../shared/errors.js';
import { VERSION } from '../version.js';

const ISSUES_URL = 'https://github.com/pullguard/pullguard/issues/new';

/**
 * Known errors: one line and a hint, never a stack. Anything else is our bug: say so, with the
 * version and where to report it, and keep the stack because the user will paste it.
 */
export function describeError(error: unknown): string {
  if (isPullguardError(error)) {
    return `pullguard: ${error.message}\n${error.hint === undefined ? '' : `hint: ${error.hint}\n`}`;
  }
  if (error instanceof CommanderError) return '';
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `pullguard: internal error (this is a bug in pullguard ${VERSION}; please report it at ${ISSUES_URL})\n${detail}\n`;
}
