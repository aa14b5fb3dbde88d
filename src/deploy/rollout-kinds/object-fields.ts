// deploy/rollout-kinds: reading the fields a rollout's state is made of, for every kind. Pure.
// Objects come from the watches as JSON: every field is checked for its type, never trusted.
import type { KubeObject } from '../../facts/cluster-writer.js';

export type Obj = Record<string, unknown>;

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export const num = (value: unknown, fallback = 0): number => (typeof value === 'number' ? value : fallback);
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const statusOf = (object: KubeObject): Obj => (object.status as Obj | undefined) ?? {};
export const specOf = (object: KubeObject): Obj => (object.spec as Obj | undefined) ?? {};
export const conditions = (object: KubeObject): Condition[] => (statusOf(object).conditions as Condition[] | undefined) ?? [];
export const label = (object: KubeObject, key: string): string | undefined => object.metadata.labels?.[key];

export const NO_POD = (): boolean => false;

export function podIsReady(pod: KubeObject): boolean {
  return conditions(pod).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** A pod that got past its image pulls: running or done. */
export function podStarted(pod: KubeObject): boolean {
  const phase = str(statusOf(pod).phase);
  return phase === 'Running' || phase === 'Succeeded' || podIsReady(pod);
}

export function ownedBy(object: KubeObject, owner: KubeObject): boolean {
  return object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid) === true;
}

/** The Job's uid as the Job controller labels its pods (the unprefixed label before Kubernetes 1.27). */
export function jobUidOfPod(pod: KubeObject): string | undefined {
  return label(pod, 'batch.kubernetes.io/controller-uid') ?? label(pod, 'controller-uid');
}

/**
 * When the object's spec or metadata was last written (the newest managedFields time outside the
 * status subresource), else its creation. Seconds, as the server writes them. What an operator or
 * a schedule starts at or after this time runs what is applied now.
 */
export function lastWrittenAt(object: KubeObject): number | undefined {
  const fields = (object.metadata.managedFields as { time?: unknown; subresource?: unknown }[] | undefined) ?? [];
  const times = fields.filter((f) => f.subresource === undefined || f.subresource === '').map((f) => Date.parse(str(f.time) ?? ''));
  const created = Date.parse(object.metadata.creationTimestamp ?? '');
  const all = [...times, created].filter((t) => !Number.isNaN(t));
  return all.length === 0 ? undefined : Math.max(...all);
}

/** Created at or after `since` (seconds precision: the same second counts). */
export function createdSince(object: KubeObject, since: number | undefined): boolean {
  if (since === undefined) return false;
  const created = Date.parse(object.metadata.creationTimestamp ?? '');
  return !Number.isNaN(created) && created >= Math.floor(since / 1000) * 1000;
}
