import * as tf from '@tensorflow/tfjs-core';
import { fusedBatchNormGradConfig } from '../gradients/FusedBatchNorm_grad.js';
import { leakyReluGradConfig } from '../gradients/LeakyRelu_grad.js';
import { meanGradConfig } from '../gradients/Mean_grad.js';
import { fusedMatMulKernel } from './_FusedMatMul.js';
import { addKernel } from './Add.js';
import { batchMatMulKernel } from './BatchMatMul.js';
import { castKernel } from './Cast.js';
import { conv2DKernel } from './Conv2D.js';
import { conv2DBackpropFilterKernel } from './Conv2DBackpropFilter.js';
import { conv2DBackpropInputKernel } from './Conv2DBackpropInput.js';
import { dcganBatchNormGradientKernel } from './DcganBatchNormGradient.js';
import { fusedBatchNormKernel } from './FusedBatchNorm.js';
import { fusedConv2DKernel } from './FusedConv2D.js';
import { identityKernel } from './Identity.js';
import { leakyReluKernel } from './LeakyRelu.js';
import { meanKernel } from './Mean.js';
import { multiplyKernel } from './Multiply.js';
import { subKernel } from './Sub.js';
import { sumKernel } from './Sum.js';
import { tanhKernel } from './Tanh.js';
import { tileKernel } from './Tile.js';
import type { WasmKernel } from './wasm-kernel.js';

/** What this package registers for tfjs-wasm, each with why tfjs's own is not used. */
const REGISTRATIONS: [WasmKernel | { gradient: tf.GradConfig }, string][] = [
  [
    conv2DBackpropInputKernel,
    'strided: Winograd F(4x4, 2x2) for 4x4, else one matrix product and a native scatter-add',
  ],
  [
    conv2DKernel,
    'stride-1 3x3 by Winograd F(2x2, 3x3), stride-2 4x4 by F(4x4, 2x2): 2.25 and 2.56 times fewer multiplies',
  ],
  [fusedConv2DKernel, 'without bias or activation, stride-2 4x4 by Winograd F(4x4, 2x2)'],
  [conv2DBackpropFilterKernel, 'tfjs-wasm 4.22 has none: im2col and a matrix product, or Winograd'],
  [batchMatMulKernel, "transposed operands made explicit: tfjs-wasm's strided reads are slow"],
  [fusedMatMulKernel, "transposed operands made explicit: tfjs-wasm's strided reads are slow"],
  [sumKernel, 'over leading axes as one average pooling, without a transpose'],
  [meanKernel, 'over leading axes as one average pooling, without a transpose'],
  [leakyReluKernel, 'one native pass'],
  [tanhKernel, "one native SIMD pass: tfjs-wasm's calls the C library's tanh a value at a time"],
  [fusedBatchNormKernel, 'one native pass with per-channel factors'],
  [addKernel, 'a per-channel operand in one native pass: tfjs-wasm broadcasts slowly'],
  [subKernel, 'a per-channel operand in one native pass: tfjs-wasm broadcasts slowly'],
  [multiplyKernel, 'a per-channel operand in one native pass: tfjs-wasm broadcasts slowly'],
  [tileKernel, 'a per-channel broadcast in one native pass'],
  [identityKernel, 'shares memory where tfjs-wasm copies'],
  [castKernel, 'to the same dtype, shares memory where tfjs-wasm copies'],
  [
    dcganBatchNormGradientKernel,
    "BatchNorm's gradient over its full-size tensors in one native pass",
  ],
  [{ gradient: fusedBatchNormGradConfig }, "broadcasts where tfjs-core's tiles a full-size copy"],
  [{ gradient: leakyReluGradConfig }, "dy · step(x): tfjs-core's where() tiles both branches"],
  [{ gradient: meanGradConfig }, "dy / n, without tfjs-core's full-size tensor of ones"],
];

const registered = new Set<string>();

/**
 * Registers the training kernels for tfjs-wasm (see REGISTRATIONS): the model's convolutions,
 * matrix products, reductions and element-wise passes, built on XNNPACK and the native kernels of
 * native/*.c. The gradients it registers give tfjs-core's values on every backend.
 * Call it once from the app that chose the wasm backend, after importing the backend; safe to call
 * twice.
 */
export function registerWasmTrainingKernels(backendName = 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  for (const [registration] of REGISTRATIONS) {
    if ('gradient' in registration) tf.registerGradient(registration.gradient);
    else if ('adds' in registration) addMissingKernel(registration, backendName);
    else replaceKernel(registration, backendName);
  }
}

function replaceKernel(kernel: Extract<WasmKernel, { wraps: unknown }>, backendName: string): void {
  const tfjsKernel = tf.getKernel(kernel.kernelName, backendName);
  if (!tfjsKernel) return;
  tf.unregisterKernel(kernel.kernelName, backendName);
  tf.registerKernel(kernel.wraps(tfjsKernel));
}

function addMissingKernel(
  kernel: Extract<WasmKernel, { adds: unknown }>,
  backendName: string,
): void {
  if (!tf.getKernel(kernel.kernelName, backendName)) tf.registerKernel(kernel.adds(backendName));
}
