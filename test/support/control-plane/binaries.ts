// Locates the control-plane binaries that scripts/control-plane/build put in the user's cache,
// under a directory keyed by the versions pinned in scripts/control-plane/versions.env.
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root.js';

export interface PinnedVersions {
  kubernetes: string;
  etcd: string;
  kwok: string;
  buildRecipe: string;
}

export interface ControlPlaneBinaries {
  dir: string;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  /**
   * kubectl of the same release: the oracle of kubeconfig handling (scripts/control-plane/build
   * builds it too). Not needed to start a control plane, so not checked here.
   */
  kubectl: string;
}

/** Parses versions.env: `KEY=value` lines, `#` comments. */
export function parseVersionsEnv(text: string): PinnedVersions {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) values.set(match[1], match[2]);
  }
  const need = (key: string): string => {
    const value = values.get(key);
    if (value === undefined || value === '') throw new Error(`control plane: versions.env has no ${key}`);
    return value;
  };
  return {
    kubernetes: need('KUBERNETES_VERSION'),
    etcd: need('ETCD_VERSION'),
    kwok: need('KWOK_VERSION'),
    buildRecipe: need('BUILD_RECIPE'),
  };
}

export function readPinnedVersions(): PinnedVersions {
  return parseVersionsEnv(readFileSync(join(repoRoot(), 'scripts/control-plane/versions.env'), 'utf8'));
}

/** The same key and directory as scripts/control-plane/build computes. */
export function binaryDirectory(versions: PinnedVersions, env: NodeJS.ProcessEnv = process.env): string {
  const key = `k8s-${versions.kubernetes}_etcd-${versions.etcd}_kwok-${versions.kwok}_r${versions.buildRecipe}`;
  const cacheHome = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache');
  return join(cacheHome, 'pullguard/control-plane', key, 'bin');
}

/**
 * PULLGUARD_CONTROL_PLANE_BIN points at another directory holding the five binaries (for example
 * ones built elsewhere); otherwise the build script's cache directory is used. kubectl is looked
 * for in the same directory.
 */
export function locateBinaries(env: NodeJS.ProcessEnv = process.env): ControlPlaneBinaries {
  const override = env.PULLGUARD_CONTROL_PLANE_BIN;
  const dir = override !== undefined && override !== '' ? override : binaryDirectory(readPinnedVersions(), env);
  const binaries: ControlPlaneBinaries = {
    dir,
    etcd: join(dir, 'etcd'),
    kubeApiserver: join(dir, 'kube-apiserver'),
    kubeControllerManager: join(dir, 'kube-controller-manager'),
    kubeScheduler: join(dir, 'kube-scheduler'),
    kwok: join(dir, 'kwok'),
    kubectl: join(dir, 'kubectl'),
  };
  const missing = [binaries.etcd, binaries.kubeApiserver, binaries.kubeControllerManager, binaries.kubeScheduler, binaries.kwok].filter((path) => {
    try {
      accessSync(path, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`control plane: ${missing.length} binaries missing in ${dir}; run scripts/control-plane/build`);
  }
  return binaries;
}
