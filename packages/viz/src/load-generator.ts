import type { GeneratorLike } from './generate-values.js';

/** A generator the components loaded themselves, freed when they no longer use it. */
export type LoadedGenerator = GeneratorLike & { dispose(): void };

type ImageModel = LoadedGenerator & { outputs: { shape: readonly (number | null)[] }[] };

/** How a `src` names a generator that ships with @dcgan/models: `pretrained:mnist`. */
export const PRETRAINED_PREFIX = 'pretrained:';

/**
 * Loads a generator from the URL of its `model.json` (weights beside it), or `indexeddb://name`,
 * with `tf.loadLayersModel` of the page's TensorFlow.js (the peer dependency
 * `@tensorflow/tfjs-layers`, imported only when a component is given a `src`); or, for
 * `pretrained:mnist` and `pretrained:mnist-conditional`, one that ships with @dcgan/models, by its
 * `loadPretrainedGenerator` (imported only then; its files are found as that package says).
 * Throws a message naming `src` when the model cannot be loaded or is not a generator of images.
 */
export async function loadGenerator(src: string): Promise<LoadedGenerator> {
  let model: ImageModel;
  try {
    model = src.startsWith(PRETRAINED_PREFIX)
      ? await loadPretrained(src.slice(PRETRAINED_PREFIX.length))
      : await (await import('@tensorflow/tfjs-layers')).loadLayersModel(src);
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

/** A generator of @dcgan/models by name; its own error lists the names it ships. */
async function loadPretrained(name: string): Promise<ImageModel> {
  const models = await import('@dcgan/models');
  return models.loadPretrainedGenerator(name as import('@dcgan/models').PretrainedName);
}
