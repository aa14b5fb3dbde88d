// Certificates for one control plane: a throw-away CA, the apiserver's serving certificate signed
// by it (so clients verify TLS instead of skipping it), and the service-account signing key.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ControlPlaneCertificates {
  caCertPath: string;
  caCertPem: string;
  servingCertPath: string;
  servingKeyPath: string;
  /** Private key: signs service-account tokens (apiserver, controller-manager). */
  serviceAccountKeyPath: string;
  /** Its public half: verifies them. */
  serviceAccountPublicKeyPath: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd: dir });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`control plane: openssl ${args[0]} failed: ${stderr.trim().split('\n')[0] ?? String(error)}`);
  }
}

/** Writes every file into `dir` (mode 0600 for keys, openssl's default). */
export async function createCertificates(dir: string): Promise<ControlPlaneCertificates> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(dir, [
    'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=pullguard-test-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl(dir, ['req', '-new', ...ec, '-keyout', 'apiserver.key', '-out', 'apiserver.csr', '-subj', '/CN=kube-apiserver']);
  // The in-cluster names and the first service IP as well, as kubeadm does, so that a kubeconfig
  // written for either form verifies.
  await writeFile(
    join(dir, 'apiserver.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1',
      '',
    ].join('\n'),
  );
  await openssl(dir, [
    'x509', '-req', '-in', 'apiserver.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '2', '-extfile', 'apiserver.ext', '-out', 'apiserver.crt',
  ]);

  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  await writeFile(join(dir, 'sa.key'), privateKey, { mode: 0o600 });
  await writeFile(join(dir, 'sa.pub'), publicKey);

  return {
    caCertPath: join(dir, 'ca.crt'),
    caCertPem: await readFile(join(dir, 'ca.crt'), 'utf8'),
    servingCertPath: join(dir, 'apiserver.crt'),
    servingKeyPath: join(dir, 'apiserver.key'),
    serviceAccountKeyPath: join(dir, 'sa.key'),
    serviceAccountPublicKeyPath: join(dir, 'sa.pub'),
  };
}
