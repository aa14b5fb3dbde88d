// The benchmark's image set: present tags spread over a few repositories (a token per repository,
// as real clusters reuse repositories), and missing ones, mostly unknown tags of those repositories
// plus some in repositories that do not exist. Deterministic and interleaved, so any sample is mixed.

export const REPOSITORIES = 25;
/** Share of missing references that name a repository that does not exist. */
const MISSING_REPOSITORY_SHARE = 5;

/** `{ repository, tag, present }` for `present` seeded and `missing` unseeded references. */
export function benchReferences(present, missing) {
  const seeded = Array.from({ length: present }, (_, i) => ({ repository: `bench/app-${String(i % REPOSITORIES).padStart(2, '0')}`, tag: `v${Math.floor(i / REPOSITORIES)}`, present: true }));
  const absent = Array.from({ length: missing }, (_, i) =>
    i % MISSING_REPOSITORY_SHARE === 0
      ? { repository: `bench/gone-${String(Math.floor(i / MISSING_REPOSITORY_SHARE) % 10).padStart(2, '0')}`, tag: `v${i}`, present: false }
      : { repository: `bench/app-${String(i % REPOSITORIES).padStart(2, '0')}`, tag: `missing-${i}`, present: false },
  );
  const mixed = [];
  for (let i = 0; i < Math.max(seeded.length, absent.length); i += 1) {
    if (i < seeded.length) mixed.push(seeded[i]);
    if (i < absent.length) mixed.push(absent[i]);
  }
  return mixed;
}

function spread(items, count) {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** `count` references spread evenly over `all`, half present and half missing. */
export function evenSample(all, count) {
  const present = spread(all.filter((r) => r.present), Math.ceil(count / 2));
  const missing = spread(all.filter((r) => !r.present), count - present.length);
  return present.flatMap((r, i) => (i < missing.length ? [r, missing[i]] : [r])).concat(missing.slice(present.length));
}
