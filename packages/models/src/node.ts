/**
 * Node entry point of @dcgan/models: everything of the main entry, plus folders on disk.
 *   import { buildGenerator, saveModelToDir } from '@dcgan/models/node';
 */

export { checkModelDir, type ModelDirCheck } from './check-model-dir.js';
export { fileSystemIO } from './file-system-io.js';
export * from './index.js';
export {
  loadDiscriminatorFromDir,
  loadGeneratorFromDir,
  loadModelFromDir,
  saveModelToDir,
} from './load-model-dir.js';
export { writeFileAtomic } from './write-file-atomic.js';
