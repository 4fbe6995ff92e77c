import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/** The fields of a tfjs-layers Conv2D that its forward pass reads. */
interface Conv2DFields {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number[];
  activation: { getClassName(): string };
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: unknown): tf.Tensor | tf.Tensor[];
}

/**
 * Runs `fn` with every Conv2D layer of `model` that has no activation computing
 * `conv2d(x, kernel) + bias` by the plain ops, then gives the layers back their own forward pass.
 * tfjs-layers convolves by `fused.conv2d`, whose gradient makes the input's, the filter's and the
 * bias's gradients all at once, needed or not: the frozen discriminator's filter gradients in the
 * generator's step, the pixels' gradient in the discriminator's. The plain ops' gradients are made
 * only where the tape leads, and the outputs are the same.
 */
export function withUnfusedConvolutions<T>(model: LayersModel, fn: () => T): T {
  const patched = model.layers
    .filter((layer) => layer.getClassName() === 'Conv2D')
    .map((layer) => layer as unknown as Conv2DFields)
    .filter(
      (conv) =>
        conv.dataFormat === 'channelsLast' &&
        conv.activation.getClassName() === 'linear' &&
        (conv.padding === 'same' || conv.padding === 'valid') &&
        !Object.hasOwn(conv, 'call'),
    );
  for (const conv of patched) conv.call = (inputs) => unfusedConv2d(conv, inputs);
  try {
    return fn();
  } finally {
    for (const conv of patched) delete (conv as Partial<Conv2DFields>).call;
  }
}

/** The layer's output `[batch, outH, outW, filters]` of x `[batch, inH, inW, inC]`. */
function unfusedConv2d(conv: Conv2DFields, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return tf.tidy(() => {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
    const y = tf.conv2d(
      x,
      conv.kernel.read() as tf.Tensor4D,
      conv.strides as [number, number],
      conv.padding as 'same' | 'valid',
      'NHWC',
      conv.dilationRate as [number, number],
    );
    return conv.bias ? tf.add(y, conv.bias.read()) : y;
  });
}
