/** A tensor of images `[count, size, size, channels]` (or `[count, size, size]`): any tfjs tensor. */
export interface ImagesTensor {
  readonly shape: number[];
  data(): Promise<ArrayLike<number>>;
}

/** Images as the components take them: a tensor, or grey values image after image (with a count). */
export type Images = ImagesTensor | ArrayLike<number>;

/** Square images, values in [-1, 1], image after image, row-major, channels last. */
export interface ImageValues {
  values: Float32Array;
  count: number;
  size: number;
  /** 1 for grey images, 3 for RGB. */
  channels: 1 | 3;
}

function isTensor(images: Images): images is ImagesTensor {
  return typeof (images as ImagesTensor).data === 'function';
}

/**
 * Reads images `[count, size, size, 1 or 3]` with values in [-1, 1] into an array (the tensor is
 * not disposed: it stays the caller's). Plain values are grey images.
 * @param count how many images the values hold; taken from the tensor's shape when it is one
 */
export async function imageValues(images: Images, count?: number): Promise<ImageValues> {
  if (isTensor(images)) {
    const [n = 0, height = 0, width = 0, channels = 1] = images.shape;
    if (images.shape.length < 3 || height !== width || (channels !== 1 && channels !== 3)) {
      throw new Error(
        `expected images [count, size, size, 1 or 3], got a tensor [${images.shape}]`,
      );
    }
    return { values: Float32Array.from(await images.data()), count: n, size: height, channels };
  }
  const n = count ?? 1;
  const size = Math.sqrt(images.length / n);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(size)) {
    throw new Error(`${images.length} values are not ${n} square images`);
  }
  return { values: Float32Array.from(images), count: n, size, channels: 1 };
}
