// The files pullguard reads in a directory, in a stable order: .yaml, .yml and .json, with hidden
// entries and node_modules passed over, as `pullguard lint DIR` walks it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function manifestFiles(dir) {
  const found = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) found.push(path);
    }
  };
  visit(dir);
  return found;
}
