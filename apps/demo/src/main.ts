// The dcgan.js demo: generate digits with a trained generator, walk its latent space, and train
// the DCGAN in the page.   pnpm --filter @dcgan/demo dev
import '@dcgan/viz';
import { GENERATOR_SHAPES, loadModel, loadPretrainedGenerator } from '@dcgan/models';
import { isSoftwareWebgl, startBackend } from './backend.js';
import { element } from './dom.js';
import { setUpGeneratePanel } from './generate-panel.js';
import { modelUrl, pretrainedLabel, pretrainedName } from './model-source.js';
import { showError } from './show-error.js';
import { setUpTrainPanel } from './train-panel.js';

window.addEventListener('error', (event) =>
  showError('Unexpected error', event.error ?? event.message),
);
window.addEventListener('unhandledrejection', (event) =>
  showError('Unexpected error', event.reason),
);

async function main(): Promise<void> {
  const backendLabel = element('#backend');
  let backend: Awaited<ReturnType<typeof startBackend>>;
  try {
    backend = await startBackend(new URLSearchParams(location.search).get('backend'));
  } catch (error) {
    backendLabel.textContent = 'none';
    showError(
      'TensorFlow.js cannot run in this browser',
      error,
      'Try another browser, or enable WebGL or WebAssembly.',
    );
    return;
  }
  backendLabel.textContent = backend.name;
  if (backend.failures.length > 0) {
    element('#backend-note').textContent = `(fell back: ${backend.failures.join('; ')})`;
  } else if (backend.name === 'webgl' && isSoftwareWebgl()) {
    element('#backend-note').innerHTML =
      '(in software: WebGL has no GPU here, so training is faster on <a href="?backend=wasm">wasm</a>)';
  }
  const generatePanel = setUpGeneratePanel();
  setUpTrainPanel(generatePanel);

  const url = modelUrl(location);
  element('#model-status').textContent = '(loading…)';
  try {
    const name = url ? undefined : pretrainedName(location);
    element('#model-url').textContent = name ? pretrainedLabel(name) : (url as string);
    const generator = name
      ? await loadPretrainedGenerator(name)
      : await loadModel(url as string, GENERATOR_SHAPES, url);
    generatePanel.use(generator, '(loaded)');
  } catch (error) {
    element('#model-status').textContent = '(not loaded)';
    showError(
      'Cannot load the generator',
      error,
      'Check the ?model= URL (the model.json of a generator, or indexeddb://name of one saved in this browser) or the ?pretrained= name, or open the page without them. Training below still works.',
    );
  }
}

void main();
