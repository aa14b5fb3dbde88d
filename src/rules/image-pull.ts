// What the registry says about each image the nodes pull (context.facts.images, gathered by
// `pullguard check`), as findings at the `image:` value with the cause id in `cause`. Severity says
// how sure the verdict is about the nodes: what the registry said about the image or the
// credentials is an error; what only failed from this machine's vantage point (network, TLS, rate
// limit, a server error) is a warning, because the nodes may see another network; "cannot be
// verified from here" is information. `lint` gathers no facts, so the rule says nothing there.
// Docs: ../../docs/rules/image-pull.md.
import { getCause } from '../causes/index.js';
import type { Rule } from '../core/rule.js';
import type { Severity } from '../shared/severity.js';
import { isUnknown } from '../facts/facts.js';
import type { ImageCheckResult } from '../facts/registry-gateway.js';
import { NODE_IDENTITY_SOURCE } from '../credentials/node-identity.js';

export function verdictSeverity(result: ImageCheckResult): Severity | undefined {
  if (result.status === 'ok') return undefined;
  if (result.status === 'unknown') return result.credentialSource === NODE_IDENTITY_SOURCE ? 'info' : 'warning';
  return getCause(result.status).vantage === 'network' ? 'warning' : 'error';
}

export const rule: Rule = {
  meta: {
    id: 'image-pull',
    defaultSeverity: 'error',
    description: "The image's registry says the nodes cannot pull it (missing, refused, wrong platform, unreachable), asked by pullguard check.",
    requires: 'registry',
  },
  check(context) {
    const pulls = context.facts.images?.get(context.object);
    if (pulls === undefined) return;
    for (const pull of pulls) {
      const base = { path: pull.path, container: pull.container, image: pull.image };
      if (isUnknown(pull.verdict)) {
        context.report({ ...base, severity: 'warning', cause: 'unknown', message: `${pull.image}: not checked: ${pull.verdict.unknown}` });
        continue;
      }
      const result = pull.verdict;
      const severity = verdictSeverity(result);
      if (severity === undefined || result.status === 'ok') continue;
      const remediation = getCause(result.status).remediation({
        image: pull.image,
        registry: pull.registry,
        target: context.target,
        sendsCredentials: pull.sendsCredentials,
        ...(pull.unresolvedSecrets === undefined ? {} : { missingSecrets: pull.unresolvedSecrets }),
        ...(result.credentialSource === undefined ? {} : { credentialSource: result.credentialSource }),
      });
      context.report({
        ...base,
        severity,
        cause: result.status,
        message: `${pull.image}: ${result.summary}`,
        ...(remediation === undefined ? {} : { remediation }),
      });
    }
  },
};
