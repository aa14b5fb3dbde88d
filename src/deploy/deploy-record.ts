// The deploy record (`pullguard deploy --format json`): what was applied and when, each watched
// pod's pull failure with millisecond timestamps, the diagnosis, and what was rolled back.
// Versioned: docs/deploy-record.schema.json describes schemaVersion 1.
import type { CauseId } from '../causes/cause.js';
import type { ObjectRef, WriteError } from '../facts/cluster-writer.js';

export const DEPLOY_RECORD_SCHEMA_VERSION = 1;

export type DeployOutcome = 'rolled-out' | 'pull-failure' | 'preflight-failed' | 'rejected' | 'rollout-failed' | 'timeout' | 'error';

export interface AppliedObject extends ObjectRef {
  /** Whether the object existed before this deploy. */
  existed: boolean;
  resourceVersionBefore?: string;
  resourceVersionAfter?: string;
  appliedAt?: string;
  /** A Job this deploy created from a CronJob (--trigger-cronjobs); --rollback deletes it. */
  createdFrom?: ObjectRef;
}

export interface Rejection extends ObjectRef {
  file?: string;
  error: WriteError;
}

export interface FailureObservation {
  /** ISO 8601 with milliseconds. */
  at: string;
  reason: string;
  message: string;
  source: 'status' | 'event';
  where: string;
}

export interface PodFailure {
  pod: string;
  namespace: string;
  node?: string;
  container: string;
  initContainer: boolean;
  image: string;
  reason: string;
  cause: CauseId;
  transient: boolean;
  attempts: number;
  firstObservedAt: string;
  observations: FailureObservation[];
}

/** One block of the diagnosis: a workload, an image, a cause. */
export interface DiagnosisEntry {
  workload: ObjectRef;
  image: string;
  cause: CauseId;
  summary: string;
  transient: boolean;
  /** New-revision pods with this failure, and the pods the new revision wants. */
  failingPods: number;
  desiredPods: number;
  pods: string[];
  nodes: string[];
  containers: string[];
  /** The runtime's words, verbatim, and where they were read. */
  message: string;
  source: 'status' | 'event';
  where: string;
  reason: string;
  fix: string;
}

export interface RollbackAction extends ObjectRef {
  action: 'restored' | 'deleted';
  ok: boolean;
  error?: string;
}

export interface DeployRecord {
  schemaVersion: typeof DEPLOY_RECORD_SCHEMA_VERSION;
  tool: { name: 'pullguard'; version: string };
  context?: string;
  server?: string;
  outcome: DeployOutcome;
  exitCode: number;
  startedAt: string;
  applyStartedAt?: string;
  applyEndedAt?: string;
  firstFailureObservedAt?: string;
  endedAt: string;
  preflight?: { errors: number; warnings: number; forced: boolean; findings: { ruleId: string; severity: string; message: string; file: string; line: number; column: number }[] };
  rejections: Rejection[];
  applied: AppliedObject[];
  /** `notWaitedFor`: why it counts as complete without waiting (a CronJob, an operator's kind); `note`: how it finished. */
  rollouts: { workload: ObjectRef; desired: number; ready: number; complete: boolean; revision?: string; failed?: string; notWaitedFor?: string; note?: string }[];
  failures: PodFailure[];
  diagnosis: DiagnosisEntry[];
  rollback?: { startedAt: string; endedAt: string; ok: boolean; actions: RollbackAction[]; available: boolean };
  /** Why the deploy ended other than rolled out, in one line. */
  message?: string;
}
