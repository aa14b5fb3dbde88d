// Parsers of option values shared by the commands: one message per kind of mistake.
import { InvalidArgumentError } from '@commander-js/extra-typings';

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return parsed;
}

/** `30s`, `1500ms`, `2m`, or a plain number of seconds. */
export function duration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (match === null || Number(match[1]) <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 1500ms or 2m.');
  const unit = match[2] ?? 's';
  return Math.round(Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
}

export function platformList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((p) => p.trim()).filter((p) => p !== '')];
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
