// The render flags as the user typed them → RenderOptions, with a precise message for each mistake.
import { parseImageReference } from '../images/parse-image-reference.js';
import { validateDigest } from '../images/validate-digest.js';
import type { PullPolicy } from '../k8s/pull-policy.js';
import type { TargetProfile } from '../detect/target-profile.js';
import { UsageError } from '../shared/errors.js';
import type { RenderOptions } from './render-options.js';

export interface RenderFlags {
  registry?: string;
  set?: readonly string[];
  tag?: readonly string[];
  digest?: readonly string[];
  pullSecret?: readonly string[];
  pullPolicy?: PullPolicy;
}

export function parseRenderFlags(target: TargetProfile, flags: RenderFlags): RenderOptions {
  const options: RenderOptions = {
    target,
    set: pairs('--set', flags.set ?? [], 'NAME=VALUE', (value) => value),
    tagByName: new Map(),
    digestByName: pairs('--digest', flags.digest ?? [], 'IMAGE=sha256:HEX', checkDigest),
    pullSecrets: (flags.pullSecret ?? []).map(checkSecretName),
  };
  if (flags.registry !== undefined) options.registry = checkRegistry(flags.registry);
  const byName = new Map<string, string>();
  for (const entry of flags.tag ?? []) {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      if (options.tag !== undefined && options.tag !== entry) throw new UsageError(`--tag given twice ("${options.tag}" and "${entry}")`, { hint: 'Give one --tag TAG for your images, and --tag IMAGE=TAG for others.' });
      options.tag = checkTag(entry, '--tag ');
    } else {
      const name = entry.slice(0, eq);
      if (name === '') throw new UsageError(`--tag "${entry}": expected TAG or IMAGE=TAG`);
      byName.set(name, checkTag(entry.slice(eq + 1), `--tag ${name}=`));
    }
  }
  options.tagByName = byName;
  if (flags.pullPolicy !== undefined) options.pullPolicy = flags.pullPolicy;
  return options;
}

function pairs(flag: string, entries: readonly string[], shape: string, check: (value: string, name: string) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} "${entry}": expected ${shape}`);
    const name = entry.slice(0, eq);
    const value = check(entry.slice(eq + 1), name);
    const before = map.get(name);
    if (before !== undefined && before !== value) throw new UsageError(`${flag} gives ${name} twice ("${before}" and "${value}")`);
    map.set(name, value);
  }
  return map;
}

/** `HOST[:PORT][/PATH]`: what a reference's name can start with, with a registry host (a dot, a port or localhost). */
function checkRegistry(text: string): string {
  const registry = text.replace(/\/+$/, '');
  const parsed = parseImageReference(`${registry}/pullguard-probe`);
  if (registry === '' || !parsed.ok) {
    throw new UsageError(`--registry "${text}" is not a registry host with an optional path${parsed.ok ? '' : ` (${parsed.error.message.replace('/pullguard-probe', '')})`}`, {
      hint: 'Write HOST[:PORT][/PATH], e.g. --registry myteam.azurecr.io or --registry ghcr.io/my-org.',
    });
  }
  if (!parsed.reference.explicitDomain) {
    throw new UsageError(`--registry "${text}" does not start with a registry host: "${registry.split('/')[0]}" would be read as a Docker Hub account`, {
      hint: `A host has a dot or a port, or is localhost; for Docker Hub write --registry docker.io/${registry}.`,
    });
  }
  return registry;
}

const TAG = /^[\w][\w.-]{0,127}$/;

function checkTag(tag: string, flag: string): string {
  if (!TAG.test(tag)) {
    throw new UsageError(`${flag}"${tag}" is not a valid tag (letters, digits, _ . -, not starting with . or -, at most 128 characters)`);
  }
  return tag;
}

function checkDigest(digest: string, name: string): string {
  if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-zA-Z=_-]+$/.test(digest)) {
    throw new UsageError(`--digest ${name}="${digest}" is not a digest (expected ALGORITHM:HEX, e.g. sha256: and 64 hex digits)`);
  }
  const problem = validateDigest(digest);
  if (problem !== undefined) throw new UsageError(`--digest ${name}="${digest}" ${problem.what} (${problem.rule})`);
  return digest;
}

/** A Secret's name is a DNS subdomain (RFC 1123): the API server refuses anything else. */
function checkSecretName(name: string): string {
  if (name.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) {
    throw new UsageError(`--pull-secret "${name}" is not a valid Secret name (lowercase letters, digits, - and ., starting and ending with a letter or digit)`);
  }
  return name;
}
