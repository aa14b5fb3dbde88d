// What the core may ask of the machine pullguard runs on (DESIGN.md "LocalRuntime"), implemented in
// src/gateways/local/. Today only docker's credentials, to tell "the nodes lack access that this
// machine has" apart from "nobody has access"; next: images in the local engine, load commands.
import type { ImageReference } from '../images/types.js';
import type { RegistryCredential } from './registry-gateway.js';

export interface LocalMachine {
  /** The credentials `docker pull` on this machine would use for the image, in docker's order; empty when none. */
  dockerCredentials(reference: ImageReference, signal?: AbortSignal): Promise<readonly RegistryCredential[]>;
}
