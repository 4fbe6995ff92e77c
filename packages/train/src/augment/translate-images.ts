import * as tf from '@tensorflow/tfjs-core';

/**
 * Moves each image's content `rows[i]` pixels down and `columns[i]` right, filling with 0 (the
 * reference's zero padding), as products with 0/1 shift matrices: exact, and differentiable in
 * the images on every backend.
 * @param images `[batch, height, width, channels]`
 * @returns `[batch, height, width, channels]`
 */
export function translateImages(
  images: tf.Tensor4D,
  rows: Int32Array,
  columns: Int32Array,
): tf.Tensor4D {
  const [batch, height, width, channels] = images.shape;
  if (rows.length !== batch || columns.length !== batch) {
    throw new Error(
      `translateImages: ${rows.length} and ${columns.length} shifts for ${batch} images`,
    );
  }
  return tf.tidy(() => {
    // out[i] = in[i - shift]: row i of the shift matrix picks input row i - shift.
    const down = tf.matMul(
      shiftMatrices(rows, height),
      tf.reshape(images, [batch, height, width * channels]),
    );
    // Across: (out row as [channels, width]) = (in row as [channels, width]) x shift matrix, transposed.
    const across = (x: tf.Tensor3D) => tf.matMul(x, shiftMatrices(columns, width), false, true);
    if (channels === 1)
      return tf.reshape(
        across(tf.reshape(down, [batch, height, width])),
        images.shape,
      ) as tf.Tensor4D;
    const channelsFirst = tf.transpose(tf.reshape(down, images.shape), [0, 1, 3, 2]);
    const channelRows = tf.reshape(channelsFirst, [batch, height * channels, width]) as tf.Tensor3D;
    const moved = tf.reshape(across(channelRows), [batch, height, channels, width]);
    return tf.transpose(moved, [0, 1, 3, 2]) as tf.Tensor4D;
  });
}

/** `[batch, size, size]`: entry (i, i - shift) is 1 where i - shift lies in 0 .. size - 1. */
function shiftMatrices(shifts: Int32Array, size: number): tf.Tensor3D {
  const values = new Float32Array(shifts.length * size * size);
  shifts.forEach((shift, image) => {
    for (let i = Math.max(0, shift); i < Math.min(size, size + shift); i++) {
      values[(image * size + i) * size + i - shift] = 1;
    }
  });
  return tf.tensor3d(values, [shifts.length, size, size]);
}
