import { InvalidArgumentError } from '@commander-js/extra-typings';
import { suggest } from '../shared/suggest.js';

/**
 * An option parser for a closed list of values that names the nearest one (`minikub` → did you
 * mean "minikube"?); commander's own `choices` check only lists them all.
 */
export function oneOf<T extends string>(what: string, allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`"${value}" is not a ${what}${suggest(value, allowed)}; expected one of ${allowed.join(', ')}.`);
  };
}
