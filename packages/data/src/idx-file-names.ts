/** Which half of a data set: the 60,000 training or 10,000 test images of MNIST. */
export type Split = 'train' | 'test';

/** The standard file names of an MNIST-like data set, without a `.gz` ending. */
export function idxFileNames(split: Split): { images: string; labels: string } {
  const prefix = split === 'train' ? 'train' : 't10k';
  return { images: `${prefix}-images-idx3-ubyte`, labels: `${prefix}-labels-idx1-ubyte` };
}
