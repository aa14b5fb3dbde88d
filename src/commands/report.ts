// `pullguard report`: the incident's post-mortem written from the cluster's records (issue 11).
// Composition only: read the records once, diagnose them, build the report model; the formatters
// lay it out as Markdown, HTML or JSON.
import type { ClusterReader } from '../facts/cluster-reader.js';
import type { TargetId } from '../detect/target-profile.js';
import { clusterTarget } from './cluster-target.js';
import { diagnoseRecords, readClusterRecords } from '../diagnose/diagnose-cluster.js';
import { buildIncidentReport } from '../diagnose/report/build-report.js';
import type { IncidentReport } from '../diagnose/report/types.js';

export interface ReportCommandOptions {
  reader: ClusterReader;
  namespace?: string;
  allNamespaces?: boolean;
  /** Default: the detected cluster's. */
  target?: TargetId;
  /** Milliseconds since the epoch; default the clock. Fixing it makes the report reproducible. */
  now?: number;
  /** Where the manifests live, for the prevention line. */
  manifests?: string;
}

export async function report(options: ReportCommandOptions): Promise<IncidentReport> {
  const target = await clusterTarget(options.reader, options.target);
  const namespace = options.allNamespaces === true ? undefined : (options.namespace ?? options.reader.context.namespace);
  const records = await readClusterRecords(options.reader, namespace, true);
  const diagnosis = diagnoseRecords(records, { ...(namespace === undefined ? {} : { namespace }), target, source: options.reader.source, includeRecovered: true });
  return buildIncidentReport(diagnosis, records, { now: options.now ?? Date.now(), ...(options.manifests === undefined ? {} : { manifests: options.manifests }) });
}
