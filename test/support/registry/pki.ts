// Certificates the suite makes for itself with openssl: a CA, server certificates it signs (for TLS
// registries), and the token issuer's key + self-signed certificate (the registry's rootcertbundle).
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libtrustKeyId } from './libtrust-kid.js';

export interface CertificateAuthority {
  certFile: string;
  keyFile: string;
  dir: string;
  name: string;
}

export interface ServerCertificate {
  certFile: string;
  keyFile: string;
}

export interface TokenSigningKey {
  privateKey: KeyObject;
  /** Self-signed certificate holding the public key: what the registry's `rootcertbundle` needs. */
  certFile: string;
  kid: string;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeCertificateAuthority(dir: string, name: string): CertificateAuthority {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  openssl(
    ['req', '-x509', ...EC, '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  return { certFile, keyFile, dir, name };
}

/** A leaf certificate for `hosts` (IP addresses and DNS names) signed by `ca`. */
export function issueServerCertificate(ca: CertificateAuthority, dir: string, name: string, hosts: readonly string[]): ServerCertificate {
  const keyFile = join(dir, `${name}.key`);
  const csrFile = join(dir, `${name}.csr`);
  const certFile = join(dir, `${name}.crt`);
  const extFile = join(dir, `${name}.ext`);
  const san = hosts.map((h) => (/^[\d.]+$/.test(h) || h.includes(':') ? `IP:${h}` : `DNS:${h}`)).join(',');
  writeFileSync(extFile, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl(['req', ...EC, '-keyout', keyFile, '-out', csrFile, '-subj', `/CN=${hosts[0] ?? name}`], dir);
  openssl(['x509', '-req', '-in', csrFile, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-CAcreateserial', '-out', certFile, '-days', '2', '-extfile', extFile], dir);
  return { certFile, keyFile };
}

export function makeTokenSigningKey(dir: string, issuer: string): TokenSigningKey {
  const keyFile = join(dir, 'token-issuer.key');
  const certFile = join(dir, 'token-issuer.crt');
  openssl(['req', '-x509', ...EC, '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${issuer}`], dir);
  const privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
  return { privateKey, certFile, kid: libtrustKeyId(createPublicKey(privateKey)) };
}
