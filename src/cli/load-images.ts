// `deploy --load`: checks that the target's load tool is installed, then runs its exact command
// for each image, printing each command before it runs.
import type { TargetProfile } from '../detect/target-profile.js';
import { runLoadCommand, toolInstalled, toolOf } from '../gateways/local/run-load-command.js';

export async function loadImages(
  target: TargetProfile,
  images: readonly string[],
  clusterName: string | undefined,
  env: NodeJS.ProcessEnv,
  say: (text: string) => void,
): Promise<{ ok: boolean; message?: string }> {
  if (target.loadCommand === undefined) return { ok: true };
  for (const image of images) {
    const command = target.loadCommand(image, clusterName);
    const tool = toolOf(command);
    const needed = tool === 'docker' ? ['docker', toolOf(command.split('|')[1] ?? '') === 'sudo' ? 'k3s' : toolOf(command.split('|')[1] ?? '')] : [tool];
    const missing = needed.filter((t) => t !== '' && !toolInstalled(t, env));
    if (missing.length > 0) return { ok: false, message: `--load: ${missing.join(', ')} is not installed (needed for: ${command})` };
    say(`$ ${command}\n`);
    const run = await runLoadCommand(command, env);
    if (run.exitCode !== 0) return { ok: false, message: `--load: \`${command}\` exited with ${run.exitCode}: ${run.output}` };
  }
  return { ok: true };
}
