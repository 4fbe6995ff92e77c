import { assertManifest, newestIntactCheckpoint } from '@dcgan/train/node';

/**
 * A checkpoint folder that `dcgan sample` or `eval` reads, once its files pass its manifest;
 * one older than manifests is read with a note.
 * @throws an error naming the file that fails
 */
export async function checkedCheckpoint(dir: string): Promise<string> {
  const check = await assertManifest(dir);
  if (check.kind === 'unverified') console.error(`${dir}: ${check.note}`);
  return dir;
}

/**
 * The newest checkpoint of a run folder that passes its manifest. Each newer damaged one is
 * reported and left in place: only `dcgan train --resume` sets them aside.
 */
export function newestCheckedCheckpoint(runDir: string): Promise<string | undefined> {
  return newestIntactCheckpoint(runDir, { report: (line) => console.error(line) });
}
