import * as tf from '@tensorflow/tfjs-core';
import { BATCH_NORM_GRADIENT } from '../wasm/DcganBatchNormGradient.js';

type Saved = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];

/**
 * The gradient of FusedBatchNorm, as tfjs-core's own but for dx: broadcasting instead of `tile`,
 * which makes a full-size copy of 1/sqrt(variance). Where the
 * backend has the one-pass kernel (wasm) and the statistics are per channel, its full-size work is
 * that kernel, and the rest per-channel arithmetic on its sums. Same mathematics on every backend.
 */
export const fusedBatchNormGradConfig: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved as Saved;
    const dyTensor = dy as tf.Tensor;
    const scaleValue = scale ?? tf.scalar(1);
    const oneOverSqrtVariance = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    const minusHalfRCube = tf.mul(tf.pow(oneOverSqrtVariance, 3), tf.scalar(-0.5));
    if (onePassApplies(dyTensor, saved as Saved)) {
      const factor = tf.mul(oneOverSqrtVariance, scaleValue);
      const [dx, sumDy, sumDyCentred] = tf
        .engine()
        .runKernel(BATCH_NORM_GRADIENT, { dy: dyTensor, x, mean, factor }) as tf.Tensor[] as [
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
      ];
      return {
        x: () => dx,
        mean: () => tf.mul(tf.neg(factor), sumDy),
        variance: () => tf.mul(tf.mul(minusHalfRCube, scaleValue), sumDyCentred),
        scale: () => tf.mul(sumDyCentred, oneOverSqrtVariance),
        offset: () => sumDy,
      };
    }
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: tf.Tensor) => tf.reshape(mean.rank === 1 ? tf.sum(t, axes) : t, mean.shape);
    const xMinusMean = tf.sub(x, mean);
    const dyTimesScale = tf.mul(dyTensor, scaleValue);
    return {
      x: () => tf.reshape(tf.mul(dyTensor, tf.mul(oneOverSqrtVariance, scaleValue)), x.shape),
      mean: () => reduce(tf.mul(tf.neg(oneOverSqrtVariance), dyTimesScale)),
      variance: () => reduce(tf.mul(tf.mul(minusHalfRCube, xMinusMean), dyTimesScale)),
      scale: () => reduce(tf.mul(dyTensor, tf.mul(xMinusMean, oneOverSqrtVariance))),
      offset: () => reduce(dyTensor),
    };
  },
};

/** Whether the backend has the one-pass kernel and the statistics are float32, one per channel. */
function onePassApplies(dy: tf.Tensor, [x, mean, variance, scale]: Saved): boolean {
  if (!tf.getKernel(BATCH_NORM_GRADIENT, tf.getBackend())) return false;
  const channels = `${x.shape.at(-1)}`;
  return (
    [dy, x, mean, variance, scale].every((t) => t === undefined || t.dtype === 'float32') &&
    [mean, variance, scale].every((t) => t === undefined || t.shape.join() === channels)
  );
}
