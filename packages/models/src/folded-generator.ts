import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { linearHead, type TransposedGeometry, transposedGeometry } from './linear-head.js';
import { type SpecGeneratorLayers, specGeneratorLayers } from './spec-generator-layers.js';

/**
 * The spec's generator for inference, its linear head folded. Dense, reshape, the first transposed
 * convolution and its BatchNorm (on its moving averages) are all affine, so together they are one
 * product: `[batch, inputs] x head [inputs, H*W*C]` plus `headBias`; the second BatchNorm folds
 * into the second transposed convolution's filter and bias. The same images as `predict` to
 * float32 rounding, with a sixth of its multiplies in the first block.
 */
export interface FoldedGenerator {
  /** `[inputs, H*W*C]`: what each input adds to the first block's normalized output. */
  head: tf.Tensor2D;
  /** `[H*W*C]`: that output for an input of zeros. */
  headBias: tf.Tensor1D;
  /** `[H, W, C]`: the first block's output shape. */
  headShape: [number, number, number];
  /** The two LeakyReLUs' slopes. */
  slopes: [number, number];
  /** The second transposed convolution, its BatchNorm folded in: filter `[kh, kw, out, in]`. */
  middle: FoldedConv;
  /** The last transposed convolution, as it is: filter `[kh, kw, channels, in]`. */
  last: FoldedConv;
}

/** A transposed convolution's filter, bias and geometry. */
export interface FoldedConv extends TransposedGeometry {
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}

/**
 * Folds a generator with the spec's topology (`specGeneratorLayers`), from its current weights. The caller
 * disposes the result (`foldedTensors`). Undefined for any other topology.
 */
export function foldGenerator(generator: LayersModel): FoldedGenerator | undefined {
  const layers = specGeneratorLayers(generator);
  if (!layers) return undefined;
  const { firstNorm, secondConv, secondNorm, lastConv } = layers;
  return tf.tidy(() => {
    const { head: linear, headBias: linearBias, shape } = linearHead(layers);
    const [scale, shift] = normOf(firstNorm);
    const tiled = tf.tile(scale, [shape[0] * shape[1]]);
    const head = tf.mul(linear, tiled) as tf.Tensor2D;
    const headBias = tf.add(tf.mul(linearBias, tiled), tf.tile(shift, [shape[0] * shape[1]]));
    const middle = convOf(secondConv);
    const [middleScale, middleShift] = normOf(secondNorm);
    const folded: FoldedGenerator = {
      head,
      headBias: headBias as tf.Tensor1D,
      headShape: shape,
      slopes: [layers.firstSlope, layers.secondSlope],
      middle: {
        ...middle,
        filter: tf.mul(middle.filter, tf.reshape(middleScale, [1, 1, -1, 1])) as tf.Tensor4D,
        bias: tf.add(tf.mul(middle.bias, middleScale), middleShift) as tf.Tensor1D,
      },
      last: convOf(lastConv, true),
    };
    return folded as unknown as tf.TensorContainer;
  }) as unknown as FoldedGenerator;
}

/**
 * The folded generator's images for its inputs (noise z `[batch, latentSize]`, and a conditional
 * generator's one-hot classes `[batch, classes]`): `[batch, H', W', channels]` in (-1, 1).
 */
export function runFolded(folded: FoldedGenerator, inputs: tf.Tensor2D[]): tf.Tensor4D {
  return tf.tidy(() => {
    const u = inputs.length === 1 ? (inputs[0] as tf.Tensor2D) : tf.concat(inputs, 1);
    const batch = u.shape[0];
    const [h, w, c] = folded.headShape;
    const [slope1, slope2] = folded.slopes;
    const base = tf.add(tf.matMul(u, folded.head), folded.headBias);
    const first = tf.leakyRelu(tf.reshape(base, [batch, h, w, c]) as tf.Tensor4D, slope1);
    const second = tf.leakyRelu(transposed(first, folded.middle), slope2);
    return tf.tanh(transposed(second, folded.last));
  });
}

/** A folded generator's tensors. */
export function foldedTensors(folded: FoldedGenerator): tf.Tensor[] {
  const { head, headBias, middle, last } = folded;
  return [head, headBias, middle.filter, middle.bias, last.filter, last.bias];
}

/** x `[batch, h, w, in]` through a transposed convolution and its bias: `[batch, ...conv.outShape]`. */
function transposed(x: tf.Tensor4D, conv: FoldedConv): tf.Tensor4D {
  const shape: [number, number, number, number] = [x.shape[0], ...conv.outShape];
  return tf.add(
    tf.conv2dTranspose(x, conv.filter, shape, conv.strides, conv.padding),
    conv.bias,
  ) as tf.Tensor4D;
}

function convOf(layer: SpecGeneratorLayers['lastConv'], copy = false): FoldedConv {
  const [filter, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D];
  return {
    filter: copy ? tf.clone(filter) : filter,
    bias: copy ? tf.clone(bias) : bias,
    ...transposedGeometry(layer),
  };
}

/** A BatchNorm on its moving averages as scale and shift `[channels]`: x * scale + shift. */
function normOf(layer: SpecGeneratorLayers['firstNorm']): [tf.Tensor1D, tf.Tensor1D] {
  const config = layer.getConfig() as { epsilon: number; center: boolean; scale: boolean };
  const weights = layer.getWeights() as tf.Tensor1D[];
  const gamma = config.scale ? weights.shift() : undefined;
  const beta = config.center ? weights.shift() : undefined;
  const [mean, variance] = weights as [tf.Tensor1D, tf.Tensor1D];
  const inverse = tf.rsqrt(tf.add(variance, config.epsilon));
  const scale = (gamma ? tf.mul(inverse, gamma) : inverse) as tf.Tensor1D;
  const shift = tf.sub(beta ?? 0, tf.mul(mean, scale)) as tf.Tensor1D;
  return [scale, shift];
}
