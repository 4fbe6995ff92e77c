import * as tf from '@tensorflow/tfjs-core';
import { nativeKernels } from './wasm/native-kernels.js';
import type { WasmOffsetBackend } from './wasm/wasm-backend.js';

/** The state of tfjs's AdamOptimizer that an update reads and writes (private in its typings). */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
}

/**
 * tfjs's Adam, with each variable's update done in one native pass on tfjs-wasm (`adam_update` of
 * native/adam.c: the same float32 operations in the same order, so the same weights bit for
 * bit, in 1 kernel where tfjs runs 14). Its state (`getWeights`, `setWeights`, the learning rate)
 * is tfjs's. On other backends, or without the native kernels, it is tfjs's AdamOptimizer.
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(
    variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0],
  ): void {
    const kernels = nativeKernels(tf.backend());
    const gradients = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    if (!kernels || gradients.some(([, g]) => g.dtype !== 'float32')) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const backend = tf.backend() as unknown as WasmOffsetBackend;
    const at = (t: tf.Tensor | tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
    const f32 = Math.fround;
    tf.tidy(() => {
      const [accBeta1, accBeta2] = [state.accBeta1, state.accBeta2].map(
        (acc) => acc.dataSync()[0] as number,
      ) as [number, number];
      gradients.forEach(([name, gradient], i) => {
        const value = tf.engine().registeredVariables[name] as tf.Variable;
        state.accumulatedFirstMoment[i] ??= moment(`${name}/m`, value);
        state.accumulatedSecondMoment[i] ??= moment(`${name}/v`, value);
        if (gradient == null) return;
        const m = state.accumulatedFirstMoment[i].variable;
        const v = state.accumulatedSecondMoment[i].variable;
        const outputs = [0, 1, 2].map(() => backend.makeOutput(value.shape, 'float32'));
        const [newValue, newM, newV] = outputs.map((info) =>
          tf.engine().makeTensorFromTensorInfo(info),
        ) as [tf.Tensor, tf.Tensor, tf.Tensor];
        kernels.adam_update(
          ...([value, m, v, gradient, newValue, newM, newV].map(at) as [
            number,
            number,
            number,
            number,
            number,
            number,
            number,
          ]),
          value.size,
          f32(state.beta1),
          f32(1 - state.beta1),
          f32(state.beta2),
          f32(1 - state.beta2),
          f32(1 - accBeta1),
          f32(1 - accBeta2),
          f32(-state.learningRate),
          f32(state.epsilon),
        );
        m.assign(newM);
        v.assign(newV);
        value.assign(newValue);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
    });
    this.incrementIterations();
  }
}

/** A moment of Adam for `value`, zeros, as tfjs's AdamOptimizer makes it. */
function moment(name: string, value: tf.Tensor) {
  return { originalName: name, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
}
