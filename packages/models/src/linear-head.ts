import * as tf from '@tensorflow/tfjs-core';
import type { SpecGeneratorLayers } from './spec-generator-layers.js';

/**
 * The spec's generator's first layers, Dense, reshape and the first transposed convolution, are
 * linear: together one product `[batch, inputs] x head [inputs, H*W*C]` plus `headBias [H*W*C]`,
 * reshaped to `[batch, H, W, C]`. Made by running the convolution on the Dense kernel's rows (as
 * many images' worth of multiplies as the Dense layer has inputs). Before the first BatchNorm.
 */
export interface LinearHead {
  head: tf.Tensor2D;
  headBias: tf.Tensor1D;
  /** `[H, W, C]`: the first convolution's output shape. */
  shape: [number, number, number];
}

/** A transposed convolution layer's geometry, as `tf.conv2dTranspose` takes it. */
export interface TransposedGeometry {
  strides: [number, number];
  padding: 'same' | 'valid';
  /** `[H, W, C]`: its output shape (the layer's, less the batch). */
  outShape: [number, number, number];
}

/** `layers`' linear head from their current weights; the caller disposes its tensors. */
export function linearHead(layers: SpecGeneratorLayers): LinearHead {
  const { dense, firstConv } = layers;
  return tf.tidy(() => {
    const [kernel, bias] = dense.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const [filter, convBias] = firstConv.getWeights() as [tf.Tensor4D, tf.Tensor1D];
    const { strides, padding, outShape } = transposedGeometry(firstConv);
    const [h, w, c] = outShape;
    const [bh, bw, bc] = layers.base;
    const through = (x: tf.Tensor2D) =>
      tf.reshape(
        tf.conv2dTranspose(
          tf.reshape(x, [x.shape[0], bh, bw, bc]) as tf.Tensor4D,
          filter,
          [x.shape[0], h, w, c],
          strides,
          padding,
        ),
        [x.shape[0], h * w * c],
      );
    const head = through(kernel) as tf.Tensor2D;
    const headBias = tf.add(
      tf.reshape(through(tf.reshape(bias, [1, -1])), [h * w * c]),
      tf.tile(convBias, [h * w]),
    ) as tf.Tensor1D;
    return { head, headBias, shape: [h, w, c] } as unknown as tf.TensorContainer;
  }) as unknown as LinearHead;
}

/** A transposed convolution layer's strides, padding and output shape. */
export function transposedGeometry(layer: SpecGeneratorLayers['firstConv']): TransposedGeometry {
  const config = layer.getConfig() as { strides: number[]; padding: 'same' | 'valid' };
  const outShape = (layer.outputShape as number[]).slice(1) as [number, number, number];
  return { strides: config.strides as [number, number], padding: config.padding, outShape };
}
