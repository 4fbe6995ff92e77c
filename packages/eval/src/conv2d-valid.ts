import * as tf from '@tensorflow/tfjs-core';

type Conv = (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor4D;

/**
 * A stride-1 'valid' convolution whose gradients are themselves forward convolutions, the fast path
 * of the wasm backend (XNNPACK). Same value as `tf.conv2d`.
 *   dx = conv2d(dy padded by k - 1, the filter turned 180° with its channels swapped)
 *   dW = conv2d(x with batch and channels swapped, dy as the filter), channels put back
 * With `inputGradient: false` (x is the data), dx is returned as zeros, not computed.
 * @param x `[batch, height, width, inChannels]`
 * @param filter `[kh, kw, inChannels, outChannels]`
 * @returns `[batch, height - kh + 1, width - kw + 1, outChannels]`
 */
export function conv2dValid(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  options: { inputGradient?: boolean } = {},
): tf.Tensor4D {
  return (options.inputGradient === false ? filterGradientOnly : withBothGradients)(x, filter);
}

const customConv = (inputGradient: boolean): Conv =>
  tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, filter, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x, filter]);
    const gradFunc = (dy: tf.Tensor4D, [input, kernel]: tf.Tensor[]) => [
      inputGradient ? gradientOfInput(dy, kernel as tf.Tensor4D) : tf.zerosLike(input as tf.Tensor),
      gradientOfFilter(dy, input as tf.Tensor4D),
    ];
    return { value: tf.conv2d(x, filter, 1, 'valid'), gradFunc };
  }) as never;

const withBothGradients = customConv(true);
const filterGradientOnly = customConv(false);

function gradientOfInput(dy: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw] = filter.shape;
  const padded = tf.pad(dy, [
    [0, 0],
    [kh - 1, kh - 1],
    [kw - 1, kw - 1],
    [0, 0],
  ]);
  const turned = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]);
  return tf.conv2d(padded, turned, 1, 'valid');
}

function gradientOfFilter(dy: tf.Tensor4D, x: tf.Tensor4D): tf.Tensor4D {
  const swapped = tf.transpose(x, [3, 1, 2, 0]);
  const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]);
  return tf.transpose(tf.conv2d(swapped, dyAsFilter, 1, 'valid'), [1, 2, 0, 3]);
}
