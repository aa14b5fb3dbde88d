// The facts of one run (DESIGN.md "facts (one run)"): what gathering learnt about the world beyond
// the manifests, handed to every rule in its context. Gathered once, by src/gather/, over the
// interfaces of this folder; a fact that could not be gathered is kept with its reason, so that the
// rules that need it say "unknown" instead of failing. Types only. src/facts/ holds these types and
// the interfaces the core owns (registry-gateway.ts, local-machine.ts); it imports only core types.
//
// Cluster facts are read over a `ClusterReader` (cluster-reader.ts): the live gateway or a snapshot
// file (cluster-snapshot.ts, snapshot-reader.ts), the same facts from either source.
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import type { ImageCheckResult } from './registry-gateway.js';
import type { PullObjectFacts } from './pull-objects.js';
import type { ClusterFacts } from './cluster-facts.js';

/** A fact that could not be gathered, and why (`forbidden`, `timeout`, `not asked`, ...). */
export interface UnknownFact {
  unknown: string;
}

export type Known<T extends object> = T | UnknownFact;

export function isUnknown<T extends object>(fact: Known<T>): fact is UnknownFact {
  return 'unknown' in fact;
}

/** What the registry said about one use of an image: one `image:` value of one object. */
export interface ImagePullFact {
  /** Path of the `image` value inside its object. */
  path: JsonPath;
  container: string;
  /** The image string exactly as written. */
  image: string;
  /** The image's registry host[:port] as written or defaulted (`docker.io`). */
  registry: string;
  /** Whether the pod sends any credential for this image (pull secrets that match it). */
  sendsCredentials: boolean;
  /** Pull secrets the pod names that are not among the objects searched (kubelet pulls without them). */
  unresolvedSecrets?: { namespace: string; name: string }[];
  verdict: Known<ImageCheckResult>;
}

export type { PullObjectFacts };

export interface Facts {
  /** Registry verdicts by the object that uses the images; absent when no registry was asked (lint). */
  images?: ReadonlyMap<ManifestObject, readonly ImagePullFact[]>;
  /** Absent: the rules look among the manifests of the run, in namespace `default`. */
  pullObjects?: PullObjectFacts;
  /** What the cluster said (`check` against a cluster or a snapshot); absent offline. */
  cluster?: ClusterFacts;
}

/** The facts of a run that gathered nothing (`lint`). */
export const NO_FACTS: Facts = Object.freeze({});
