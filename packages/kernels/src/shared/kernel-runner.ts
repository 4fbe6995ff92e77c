import * as tf from '@tensorflow/tfjs-core';

type Attrs = Record<string, unknown>;
type Inputs = Record<string, tf.TensorInfo>;

/**
 * Runs registered kernels of one backend directly, from inside another kernel, and frees the
 * intermediate results it made when `dispose` is called (outputs that are returned are `keep`t).
 */
export class KernelRunner {
  private readonly made: tf.TensorInfo[] = [];

  constructor(
    private readonly backend: tf.KernelBackend,
    private readonly backendName: string,
  ) {}

  run(kernelName: string, inputs: Inputs, attrs: Attrs = {}): tf.TensorInfo {
    const kernel = tf.getKernel(kernelName, this.backendName);
    if (!kernel)
      throw new Error(`kernel ${kernelName} is not registered for backend ${this.backendName}`);
    const output = kernel.kernelFunc({
      inputs,
      backend: this.backend,
      attrs: attrs as tf.NamedAttrMap,
    });
    const info = (Array.isArray(output) ? output[0] : output) as tf.TensorInfo;
    this.made.push(info);
    return info;
  }

  /** Frees `info` with the intermediate results, unless it is the one kept. */
  track(info: tf.TensorInfo): tf.TensorInfo {
    this.made.push(info);
    return info;
  }

  reshape(x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  /** Frees every intermediate result but `keep`. */
  dispose(keep: tf.TensorInfo): void {
    for (const info of this.made) if (info !== keep) this.backend.disposeData(info.dataId);
  }
}
