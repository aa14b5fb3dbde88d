// Reads the registry's own request log (docker-registry logs every completed request with its method
// and URI) and tells, per present image, which methods fetched its manifest.

function manifestUri(repository, tag) {
  return `/v2/${repository}/manifests/${tag}`;
}

/** Methods per manifest URI, in log order. */
function methodsByUri(logged) {
  const byUri = new Map();
  for (const { method, uri } of logged) {
    const path = uri.split('?')[0];
    if (!path.includes('/manifests/')) continue;
    byUri.set(path, [...(byUri.get(path) ?? []), method]);
  }
  return byUri;
}

/** How the present references were answered: all by exactly one HEAD, or which were not. */
export function presentManifestMethods(logged, references) {
  const byUri = methodsByUri(logged);
  const present = references.filter((r) => r.present);
  const totals = {};
  const notHeadOnly = [];
  for (const { repository, tag } of present) {
    const methods = byUri.get(manifestUri(repository, tag)) ?? [];
    for (const m of methods) totals[m] = (totals[m] ?? 0) + 1;
    if (methods.length !== 1 || methods[0] !== 'HEAD') notHeadOnly.push(`${repository}:${tag} ${methods.join(',') || 'no request'}`);
  }
  return { present: present.length, headOnly: present.length - notHeadOnly.length, totals, notHeadOnly };
}

/** Requests per method over the whole log slice (pings, manifests, tag probes). */
export function methodTotals(logged) {
  const totals = {};
  for (const { method } of logged) totals[method] = (totals[method] ?? 0) + 1;
  return totals;
}
