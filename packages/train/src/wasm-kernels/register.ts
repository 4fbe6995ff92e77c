import * as tf from '@tensorflow/tfjs-core';
import { batchNormKernel } from './batch-norm.js';
import { batchNormGradient } from './batch-norm-gradient.js';
import { BATCH_NORM_GRADIENT, batchNormGradientKernel } from './batch-norm-gradient-kernel.js';
import { channelBinaryKernel, channelTileKernel } from './channel-binary.js';
import { conv2dKernel } from './conv2d.js';
import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputKernel } from './conv2d-backprop-input.js';
import { leakyReluKernel } from './leaky-relu.js';
import { leakyReluGradient } from './leaky-relu-gradient.js';
import { untransposedMatMulKernel } from './mat-mul.js';
import { meanGradient } from './mean-gradient.js';
import { leadingReductionKernel } from './reduce-leading.js';
import { sharedIdentityKernel } from './shared-identity.js';

const registered = new Set<string>();

/**
 * Registers training kernels for the wasm backend, composed of its fast paths (XNNPACK convolution,
 * untransposed matrix multiply) and native ones: Conv2D's stride-1 3x3 case by Winograd
 * F(2x2, 3x3); Conv2DBackpropFilter, which tfjs 4.22's wasm backend lacks;
 * Conv2DBackpropInput (the forward pass of Conv2DTranspose), which it has only as a slow direct loop;
 * matrix multiplies with transposed operands, which it runs 10 to 20 times slower; Sum and Mean
 * over leading axes, which it runs through a transpose; LeakyRelu and BatchNorm, each one native
 * pass; Add, Sub and Multiply with a per-channel operand and Tile of one, which it broadcasts
 * slowly; and Identity and same-type Cast, which it runs as copies. Also replaces the gradients of
 * BatchNorm and LeakyRelu with ones that do not tile and Mean's with one that makes no tensor of
 * ones in JavaScript (same values, every backend), BatchNorm's doing its full-size work in one
 * native pass here.
 * Safe to call twice.
 * Call it from the app that chose the wasm backend, before training.
 */
export function registerWasmTrainingKernels(backendName = 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  replaceKernel('Conv2DBackpropInput', backendName, (native) =>
    conv2dBackpropInputKernel(backendName, native),
  );
  replaceKernel('Conv2D', backendName, (native) => conv2dKernel(backendName, native));
  replaceKernel('BatchMatMul', backendName, untransposedMatMulKernel);
  replaceKernel('Sum', backendName, (native) => leadingReductionKernel(native, 'Sum'));
  replaceKernel('Mean', backendName, (native) => leadingReductionKernel(native, 'Mean'));
  replaceKernel('_FusedMatMul', backendName, untransposedMatMulKernel);
  replaceKernel('LeakyRelu', backendName, leakyReluKernel);
  replaceKernel('FusedBatchNorm', backendName, batchNormKernel);
  for (const name of ['Add', 'Sub', 'Multiply'])
    replaceKernel(name, backendName, channelBinaryKernel);
  replaceKernel('Tile', backendName, channelTileKernel);
  replaceKernel('Identity', backendName, sharedIdentityKernel);
  replaceKernel('Cast', backendName, sharedIdentityKernel);
  if (!tf.getKernel('Conv2DBackpropFilter', backendName)) {
    tf.registerKernel(conv2dBackpropFilterKernel(backendName));
  }
  if (!tf.getKernel(BATCH_NORM_GRADIENT, backendName)) {
    tf.registerKernel(batchNormGradientKernel(backendName));
  }
  tf.registerGradient(batchNormGradient);
  tf.registerGradient(leakyReluGradient);
  tf.registerGradient(meanGradient);
}

function replaceKernel(
  name: string,
  backendName: string,
  make: (native: tf.KernelConfig) => tf.KernelConfig,
): void {
  const native = tf.getKernel(name, backendName);
  if (!native) return;
  tf.unregisterKernel(name, backendName);
  tf.registerKernel(make(native));
}
