import type { JsonPath } from '../manifests/model.js';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['spec', 'containers', 0, 'image']` → `spec.containers[0].image`; odd keys are quoted: `metadata.annotations["pullguard.dev/ignore"]`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
