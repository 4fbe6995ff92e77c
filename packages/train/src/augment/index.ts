export { adjustColor } from './adjust-color.js';
export type { AugmentParameters } from './augment-parameters.js';
export { drawAugmentParameters } from './augment-parameters.js';
export type { AugmentPolicy } from './augment-policy.js';
export { checkAugmentPolicy, defaultAugmentPolicy, parseAugmentPolicy } from './augment-policy.js';
export { cutoutImages, cutoutMask } from './cutout-images.js';
export { applyAugmentParameters, diffAugment } from './diff-augment.js';
export { translateImages } from './translate-images.js';
