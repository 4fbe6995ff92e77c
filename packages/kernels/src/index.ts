// @dcgan/kernels: faster training kernels for TensorFlow.js's wasm and WebGPU backends.
//   import '@tensorflow/tfjs-backend-wasm';
//   registerWasmTrainingKernels();
export { FusedAdamOptimizer } from './fused-adam.js';
export type { WebgpuAdapterInfo } from './software-adapter.js';
export { isSoftwareAdapter } from './software-adapter.js';
export { registerWasmTrainingKernels } from './wasm/register.js';
export { registerWebgpuTrainingKernels } from './webgpu/register.js';
