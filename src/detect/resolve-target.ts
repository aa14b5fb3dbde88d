import { suggest } from '../shared/suggest.js';
import { UsageError } from '../shared/errors.js';
import { getTargetProfile } from './profiles.js';
import { TARGET_IDS, type TargetProfile } from './target-profile.js';

/** `--target` wins, then `.pullguard.yaml`, then `remote`: the safe assumption that nodes see nothing local. */
export function resolveTarget(fromFlag: string | undefined, fromConfig: string | undefined): TargetProfile {
  const id = fromFlag ?? fromConfig ?? 'remote';
  const profile = getTargetProfile(id);
  if (profile === undefined) {
    throw new UsageError(`unknown target "${id}"${suggest(id, TARGET_IDS)}`, { hint: `Targets: ${TARGET_IDS.join(', ')}.` });
  }
  return profile;
}
