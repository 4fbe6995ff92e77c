export { descriptorMatrix } from './descriptor-rows.js';
export type {
  DescriptorBlock,
  DescriptorLevel,
  DescriptorOptions,
  PatchDescriptors,
} from './descriptors.js';
export type { ImageSet, ImageSource } from './image-chunks.js';
export { pyramidSizes } from './laplacian-pyramid.js';
export { patchDescriptors } from './patch-descriptors.js';
export type { SlicedWassersteinOptions, SlicedWassersteinResult } from './sliced-wasserstein.js';
export { slicedWasserstein, slicedWassersteinDistance } from './sliced-wasserstein.js';
