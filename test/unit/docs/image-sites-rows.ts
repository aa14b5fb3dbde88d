// The row of docs/image-sites.md for each kind of the image-site table: the docs page is checked
// against the table through this one rendering (test/unit/docs/image-sites.test.ts).
import type { KindEntry, SiteSpec } from '../../../src/k8s/image-site-table.js';

function pattern(at: readonly string[]): string {
  return at.map((s, i) => (s === '*' ? '[]' : i === 0 ? s : `.${s}`)).join('');
}

function site(spec: SiteSpec): string {
  const at = pattern(spec.at);
  switch (spec.shape) {
    case 'pod':
      return `\`${at}\` (pod spec)`;
    case 'container':
      return `\`${at}\``;
    case 'containers':
      return `\`${at}[]\``;
    case 'image': {
      const policy = spec.pullPolicy === undefined ? 'no pull policy' : spec.pullPolicy === 'own' ? 'with `imagePullPolicy`' : `policy \`${pattern(spec.pullPolicy)}\``;
      const only = spec.onlyIf === undefined ? '' : `, when \`${spec.onlyIf.key}: ${spec.onlyIf.equals}\``;
      return `\`${at === '' ? '' : `${at}.`}image\` (${policy}${only})`;
    }
  }
}

export function docRows(table: readonly KindEntry[]): string[] {
  return table.flatMap((entry) =>
    entry.kinds.map((kind) => `| ${entry.group === '' ? '(core)' : `\`${entry.group}\``} | \`${kind}\` | ${entry.sites.length === 0 ? 'none (no image of its own)' : entry.sites.map(site).join('<br>')} | ${entry.project} |`),
  );
}
