// What bench/kube-client.mjs runs as "the gateway" in a fresh process, bundled like the CLI:
//   probe import                     load the gateway and exit (its import time)
//   probe version KUBECONFIG         GET /version
//   probe nodes KUBECONFIG           list every node (paginated), print the count
const [mode, kubeconfig] = process.argv.slice(2);
const { openCluster } = await import('../../src/gateways/kube/open-cluster.js');
if (mode !== 'import') {
  const reader = await openCluster({ kubeconfig, env: process.env, cwd: process.cwd(), stdinIsTerminal: false, requestTimeoutMs: 60_000 });
  const fact = mode === 'version' ? await reader.version() : await reader.nodes();
  if (!('value' in fact)) {
    process.stderr.write(`probe: ${fact.unknown}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(mode === 'version' ? `${(fact.value as { gitVersion: string }).gitVersion}\n` : `${(fact.value as unknown[]).length}\n`);
  }
  await reader.close();
}
