/**
 * Node entry point of @dcgan/train: everything of the main entry, plus checkpoints on disk.
 *   import { saveCheckpoint, loadCheckpoint } from '@dcgan/train/node';
 */

export type { CheckpointState } from './checkpoint.js';
export {
  AVERAGE_GENERATOR,
  latestCheckpoint,
  listCheckpoints,
  loadCheckpoint,
  readCheckpointState,
  removeIncompleteCheckpoints,
  saveCheckpoint,
} from './checkpoint.js';
export type { CheckpointManifest, ManifestCheck, ManifestEntry } from './checkpoint-manifest.js';
export {
  assertManifest,
  checkManifest,
  describeCheck,
  MANIFEST_FILE,
  writeManifest,
} from './checkpoint-manifest.js';
export {
  DAMAGED_MARK,
  listCheckpointFolders,
  listSetAsideCheckpoints,
  newestIntactCheckpoint,
  setAsideCheckpoint,
} from './checkpoint-recovery.js';
export * from './index.js';
