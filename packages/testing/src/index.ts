// Test helpers of the dcgan.js packages, used by their vitest suites only.
import './register-gradients.js';

export { onBackend, useCpuBackend } from './backends.js';
export { fakeReals } from './fake-reals.js';
export { readmeExample, runReadmeExample } from './readme-example.js';
export { readWeightValues, relativeError, weightValues } from './values.js';
export { stopWebgpu, webgpuUnavailable } from './webgpu.js';
