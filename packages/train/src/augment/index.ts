export type { AugmentParameters } from './augment-parameters.js';
export { drawAugmentParameters } from './augment-parameters.js';
export type { AugmentPolicy } from './augment-policy.js';
export { checkAugmentPolicy, defaultAugmentPolicy, parseAugmentPolicy } from './augment-policy.js';
export { applyAugmentParameters, diffAugment } from './diff-augment.js';
