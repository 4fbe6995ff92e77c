import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { type LinearHead, linearHead, transposedGeometry } from './linear-head.js';
import { specGeneratorLayers } from './spec-generator-layers.js';

/**
 * A generator's inputs: noise z `[batch, latentSize]`, with the classes to draw one-hot
 * `[batch, classes]` for a class-conditional generator.
 */
export type GeneratorInput = tf.Tensor2D | [tf.Tensor2D, tf.Tensor2D];

/** The generator in training mode for one iteration, whose weights do not change until `dispose`. */
export interface GeneratorPass {
  /** Fakes `[batch, height, width, channels]` of `input`, BatchNorm on batch statistics, on the tape. */
  fakes(input: GeneratorInput): tf.Tensor4D;
  dispose(): void;
}

/**
 * The generator's forward pass in training mode for this iteration. For the spec's generator the
 * linear head (Dense, reshape, first transposed convolution; `linearHead`) is made once and serves
 * both steps: one `[batch, inputs] x [inputs, 14*14*128]` product each instead of the Dense layer
 * and a transposed convolution, its gradient the two layers' own.
 * No gradient flows to the inputs (noise and classes). Any other model runs by `apply`.
 */
export function generatorPass(generator: LayersModel): GeneratorPass {
  const layers = specGeneratorLayers(generator);
  if (!layers) {
    return {
      fakes: (input) => generator.apply(input, { training: true }) as tf.Tensor4D,
      dispose: () => {},
    };
  }
  const head = linearHead(layers);
  const rest = generator.layers.slice(generator.layers.indexOf(layers.firstConv) + 1);
  const headOp = headGradient(layers, head);
  return {
    fakes(input) {
      const u = Array.isArray(input) ? tf.concat(input, 1) : input;
      let x = headOp(u) as tf.Tensor;
      for (const layer of rest) x = layer.apply(x, { training: true }) as tf.Tensor;
      return x as tf.Tensor4D;
    },
    dispose: () => tf.dispose([head.head, head.headBias]),
  };
}

/**
 * The first block's pre-BatchNorm output `[batch, H, W, C]` of inputs u `[batch, inputs]` by the
 * folded head, with the gradients of the Dense kernel and bias and the convolution's filter and
 * bias that the layers would give: dX = conv2d(dY, filter), the filter's by Conv2DBackpropFilter
 * of dY and the Dense output X, the Dense kernel's uᵀ dX.
 */
function headGradient(
  layers: NonNullable<ReturnType<typeof specGeneratorLayers>>,
  { head, headBias, shape }: LinearHead,
): (u: tf.Tensor2D) => tf.Tensor4D {
  const [kernel, bias] = layers.dense.trainableWeights.map((w) => w.read()) as [
    tf.Tensor2D,
    tf.Tensor1D,
  ];
  const [filter, convBias] = layers.firstConv.trainableWeights.map((w) => w.read()) as [
    tf.Tensor4D,
    tf.Tensor1D,
  ];
  const { strides, padding } = transposedGeometry(layers.firstConv);
  const [bh, bw, bc] = layers.base;
  const op = tf.customGrad((...args: (tf.Tensor | ((t: tf.Tensor[]) => void))[]) => {
    const [u, k, b, f, _convBias, save] = args as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
      tf.Tensor4D,
      tf.Tensor1D,
      (t: tf.Tensor[]) => void,
    ];
    save([u]);
    const batch = u.shape[0];
    const value = tf.reshape(tf.add(tf.matMul(u, head), headBias), [batch, ...shape]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [inputs] = saved as [tf.Tensor2D];
        const x = tf.reshape(tf.add(tf.matMul(inputs, k), b), [batch, bh, bw, bc]);
        const dx = tf.conv2d(dy as tf.Tensor4D, f, strides, padding);
        const dFilter = tf.engine().runKernel('Conv2DBackpropFilter', { x: dy, dy: x }, {
          strides,
          pad: padding,
          dataFormat: 'NHWC',
          filterShape: f.shape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
        const dx2 = tf.reshape(dx, [batch, bh * bw * bc]);
        return [
          tf.zerosLike(inputs),
          tf.matMul(inputs, dx2, true, false),
          tf.sum(dx2, 0),
          dFilter,
          tf.sum(dy, [0, 1, 2]),
        ];
      },
    };
  });
  return (u) => op(u, kernel, bias, filter, convBias) as tf.Tensor4D;
}
