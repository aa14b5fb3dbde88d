// How an image gets onto the nodes of this cluster, as commands for this image and this cluster:
// the load command of its tool with the cluster's own name (`kind load docker-image X --name dev`),
// a build against the daemon the nodes share, or a push to the registry the manifests already use.
// Shared by the cluster rules; the profiles hold the per-product knowledge (detect/profiles.ts).
import type { TargetProfile } from '../../detect/target-profile.js';
import type { ImageReference } from '../../images/types.js';

export interface DeliveryContext {
  target: TargetProfile;
  /** kind cluster, minikube profile, k3d cluster. */
  clusterName?: string;
  /** Detection's load command for this cluster, `IMAGE` standing for the image. */
  loadCommandTemplate?: string;
  /** A registry the nodes pull from (the manifests' own, or the cluster's advertised local registry). */
  registry?: string;
}

/** Shell-safe words stay as they are; anything else is single-quoted, so a printed command can be pasted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `docker build` for an image that exists nowhere yet. */
export function buildCommand(image: string): string {
  return `docker build -t ${image} .`;
}

/** The command that copies an image from this machine's engine onto the nodes, when the cluster has one. */
export function loadCommand(image: string, context: DeliveryContext): string | undefined {
  const { target } = context;
  if (context.loadCommandTemplate !== undefined) return context.loadCommandTemplate.replace(/\bIMAGE\b/g, shellWord(image));
  if (target.imageDelivery !== 'load-command' || target.loadCommand === undefined) return undefined;
  return target.loadCommand(image, context.clusterName);
}

/** The name the image would have in `registry`, keeping its repository and tag. */
export function pushedName(reference: ImageReference, registry: string): string {
  const repository = reference.path.replace(/^library\//, '');
  return `${registry}/${repository}${reference.tag === undefined ? '' : `:${reference.tag}`}`;
}

/** `docker tag` + `docker push` to the registry, or to a REGISTRY placeholder when none is known. */
export function pushCommands(image: string, reference: ImageReference, registry: string | undefined): { target: string; commands: string } {
  const target = pushedName(reference, registry ?? 'REGISTRY');
  return { target, commands: `docker tag ${image} ${target} && docker push ${target}` };
}
