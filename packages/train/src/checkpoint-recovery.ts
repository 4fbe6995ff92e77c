import { existsSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkManifest, describeCheck, type ManifestCheck } from './checkpoint-manifest.js';

/** What a damaged checkpoint's folder is renamed to: `step-0000200.damaged-checksum`. */
export const DAMAGED_MARK = '.damaged-';

/** A checkpoint folder and what checking it found. */
export interface CheckedCheckpoint {
  dir: string;
  check: ManifestCheck;
}

/**
 * The checkpoint folders of a run (`checkpoints/step-NNNNNNN`), oldest first: complete or not,
 * without the temporary folders of a save in progress or those set aside as damaged.
 */
export async function listCheckpointFolders(runDir: string): Promise<string[]> {
  const root = join(runDir, 'checkpoints');
  if (!existsSync(root)) return [];
  const names = (await readdir(root)).filter((name) => /^step-\d+$/.test(name)).sort();
  return names.map((name) => join(root, name));
}

/** The folders of a run's checkpoints set aside as damaged, oldest first. */
export async function listSetAsideCheckpoints(runDir: string): Promise<string[]> {
  const root = join(runDir, 'checkpoints');
  if (!existsSync(root)) return [];
  const names = (await readdir(root)).filter((name) => name.includes(DAMAGED_MARK)).sort();
  return names.map((name) => join(root, name));
}

/**
 * Renames a damaged checkpoint to `step-NNNNNNN.damaged-REASON` (`-2`, `-3`... when taken): it is
 * kept for a person to look at, but no longer counts as one of the run's checkpoints.
 * @returns the new folder
 */
export async function setAsideCheckpoint(dir: string, reason: string): Promise<string> {
  let target = `${dir}${DAMAGED_MARK}${reason}`;
  for (let n = 2; existsSync(target); n++) target = `${dir}${DAMAGED_MARK}${reason}-${n}`;
  await rename(dir, target);
  return target;
}

/**
 * The newest checkpoint of a run whose files pass their manifest (or that has none, being older
 * than manifests). Each newer one that fails is reported and, with `setAside`, renamed aside.
 * @param options.report receives one line for each checkpoint skipped, and the note of an
 *   unverified one taken
 * @returns undefined when the run has no checkpoint at all
 * @throws an error listing every checkpoint found when none is intact (none is then set aside)
 */
export async function newestIntactCheckpoint(
  runDir: string,
  options: { setAside?: boolean; report?: (line: string) => void } = {},
): Promise<string | undefined> {
  const folders = await listCheckpointFolders(runDir);
  const damaged: CheckedCheckpoint[] = [];
  for (const dir of folders.reverse()) {
    const check = await checkManifest(dir);
    if (check.kind === 'damaged') {
      damaged.push({ dir, check });
      continue;
    }
    for (const skipped of damaged) {
      const aside =
        options.setAside && (await setAsideCheckpoint(skipped.dir, reasonOf(skipped.check)));
      options.report?.(
        `skipping damaged checkpoint ${skipped.dir}: ${describeCheck(skipped.check)}` +
          (aside ? `; set aside as ${basename(aside)}` : ''),
      );
    }
    if (check.kind === 'unverified') options.report?.(`${dir}: ${check.note}`);
    return dir;
  }
  if (damaged.length === 0) return undefined;
  throw new Error(
    `${join(runDir, 'checkpoints')}: no intact checkpoint; found ${damaged.length}:\n` +
      damaged.map(({ dir, check }) => `  ${basename(dir)}: ${describeCheck(check)}`).join('\n'),
  );
}

const reasonOf = (check: ManifestCheck) => (check.kind === 'damaged' ? check.reason : 'unknown');
