import * as tf from '@tensorflow/tfjs-core';
// Registers `downloads://`, which the bundler drops with the rest of a module it sees no use of.
import '@tensorflow/tfjs-core/dist/io/browser_files';
import { BROWSER_MODEL_URL } from './model-source.js';
import type { ExportPurpose } from './train-messages.js';

/** The download's two files: `dcgan-generator.json` and `dcgan-generator.weights.bin`. */
const DOWNLOAD_NAME = 'dcgan-generator';

/** A link that opens the page with the generator saved in this browser (`?model=indexeddb://…`). */
export function savedModelLink(): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `?model=${encodeURIComponent(BROWSER_MODEL_URL)}`;
  link.textContent = `open the page with ${BROWSER_MODEL_URL}`;
  return link;
}

/**
 * Saves a generator's files (topology and weights, as `model.save` writes them): in this browser's
 * IndexedDB at BROWSER_MODEL_URL, which `?model=` loads back, or as a download of its two files.
 * @returns what the page says it did
 */
export async function saveGeneratorFiles(
  artifacts: tf.io.ModelArtifacts,
  purpose: ExportPurpose,
): Promise<(string | Node)[]> {
  const url = purpose === 'save' ? BROWSER_MODEL_URL : `downloads://${DOWNLOAD_NAME}`;
  const [handler] = tf.io.getSaveHandlers(url);
  if (!handler?.save) throw new Error(`this browser cannot save to ${url}`);
  await handler.save(artifacts);
  return purpose === 'save'
    ? ['Saved: ', savedModelLink()]
    : [`Downloaded ${DOWNLOAD_NAME}.json and ${DOWNLOAD_NAME}.weights.bin.`];
}
