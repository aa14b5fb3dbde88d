// A registry's words reach the verdict only redacted, and only then shortened: every string of an
// observation (error bodies, error codes, challenge parameters, Retry-After, media types,
// platform fields, transport messages) passes the run's redactor whole, and the registry message
// and transport message are cut to one line afterwards. The other order prints the half of a
// secret that straddles the cut.
import type { SecretRedactor } from '../../shared/redactor.js';
import type { RegistryObservation } from '../../causes/classify-registry.js';
import { clipRegistryMessage } from './registry-error-body.js';
import { firstLine } from './transport-error.js';

export function redactObservation(observation: RegistryObservation, redactor: SecretRedactor): RegistryObservation {
  const redacted = redactor.redactDeep(observation);
  if (redacted.kind === 'response' && redacted.registryMessage !== undefined) {
    return { ...redacted, registryMessage: clipRegistryMessage(redacted.registryMessage) };
  }
  if (redacted.kind === 'transport') return { ...redacted, message: firstLine(redacted.message) };
  return redacted;
}
