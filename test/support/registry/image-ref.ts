// Image references for tests, parsed by the product's own parser; a bad reference fails the test.
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import type { ImageReference } from '../../../src/images/types.js';

export function imageRef(input: string): ImageReference {
  const result = parseImageReference(input);
  if (!result.ok) throw new Error(`test reference ${input} does not parse: ${result.error.message}`);
  return result.reference;
}
