import type { GeneratorLike } from './generate-values.js';

/** A generator the components loaded themselves, freed when they no longer use it. */
export type LoadedGenerator = GeneratorLike & { dispose(): void };

/**
 * Loads a generator from the URL of its `model.json` (weights beside it), or `indexeddb://name`,
 * with `tf.loadLayersModel` of the page's TensorFlow.js (the peer dependency
 * `@tensorflow/tfjs-layers`, imported only when a component is given a `src`).
 * Throws a message naming `src` when the model cannot be loaded or is not a generator of images.
 */
export async function loadGenerator(src: string): Promise<LoadedGenerator> {
  let model: LoadedGenerator & { outputs: { shape: readonly (number | null)[] }[] };
  try {
    const layers = await import('@tensorflow/tfjs-layers');
    model = await layers.loadLayersModel(src);
  } catch (error) {
    throw new Error(`cannot load the generator ${src}: ${(error as Error).message}`);
  }
  const output = model.outputs[0]?.shape ?? [];
  if (output.length !== 4 || output[1] !== output[2] || output[3] !== 1) {
    model.dispose();
    throw new Error(
      `${src} is not a generator of grey images: it gives [${output.map((s) => s ?? 'any')}], expected [any, size, size, 1]`,
    );
  }
  return model;
}
