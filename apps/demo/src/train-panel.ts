import { buildGeneratorFor, defaultModelConfig, type ModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { setUpDataChoice } from './data-choice.js';
import { element, numberIn } from './dom.js';
import type { GeneratePanel } from './generate-panel.js';
import { saveGeneratorFiles } from './save-generator.js';
import { showError } from './show-error.js';
import type { FromWorker, ToWorker } from './train-messages.js';

/**
 * The "Train in the browser" section: trains the spec's DCGAN (SPEC.md's defaults, but the batch
 * size and sample interval of the page) on MNIST from this site, or the Radford DCGAN on the
 * reader's pictures, in a worker (train-worker.ts), so that the page answers while it trains; shown
 * live in the training view. Stop keeps the models, optimizers, sampler and step in the worker;
 * Train resumes from there. The trained generator can be saved in this browser or downloaded.
 */
export function setUpTrainPanel(generatePanel: GeneratePanel): void {
  const view = element('#training-view') as HTMLElementTagNameMap['dcgan-training-view'];
  const status = element('#train-status');
  const batchSize = element<HTMLInputElement>('#batch-size');
  const sampleInterval = element<HTMLInputElement>('#sample-interval');
  const iterations = element<HTMLInputElement>('#iterations');
  const saveStatus = element('#train-save-status');
  const data = setUpDataChoice();
  const buttons = {
    start: element<HTMLButtonElement>('#train-start'),
    stop: element<HTMLButtonElement>('#train-stop'),
    reset: element<HTMLButtonElement>('#train-reset'),
    use: element<HTMLButtonElement>('#train-use'),
    save: element<HTMLButtonElement>('#train-save'),
    download: element<HTMLButtonElement>('#train-download'),
  };
  let worker: Worker | undefined;
  let hasRun = false;
  let running = false;
  /** The model the worker trains, as its 'begun' message says. */
  let model: ModelConfig | undefined;
  /** The generator shown above: a copy of the worker's, its weights sent with every sample. */
  let shown: LayersModel | undefined;

  const refresh = (message: string) => {
    status.textContent = message;
    buttons.start.disabled = running;
    buttons.stop.disabled = !running;
    buttons.reset.disabled = running || !hasRun;
    buttons.use.disabled = !hasRun;
    buttons.save.disabled = running || !hasRun;
    buttons.download.disabled = running || !hasRun;
    batchSize.disabled = hasRun;
    data.lock(hasRun || running);
  };

  const send = (message: ToWorker) => worker?.postMessage(message);

  const notSaved = (error: unknown) => {
    saveStatus.textContent = 'Not saved.';
    showError('Cannot save the trained generator', error);
  };

  const showWeights = (values: Float32Array[], shapes: number[][]) => {
    const label = '(trained in this page, redrawn at every sample)';
    const first = !shown;
    shown ??= buildGeneratorFor(model ?? defaultModelConfig());
    const tensors = values.map((v, i) => tf.tensor(v, shapes[i]));
    shown.setWeights(tensors);
    tf.dispose(tensors);
    if (first) generatePanel.use(shown, label);
    else generatePanel.redraw();
  };

  const onMessage = (message: FromWorker) => {
    switch (message.type) {
      case 'status':
        status.textContent = message.text;
        break;
      case 'pictures':
        data.showRead(message.count, message.skipped, message.firstSkipped);
        break;
      case 'begun':
        hasRun = true;
        model = message.model;
        // The worker's backend: the page's, unless that one cannot start in a worker.
        status.dataset.backend = message.backend;
        view.clear();
        refresh(status.textContent ?? '');
        break;
      case 'step':
        view.pushStep(message.step, {
          ...message.metrics,
          iterationsPerSecond: message.iterationsPerSecond,
        });
        status.textContent = `Training: iteration ${message.step}…`;
        break;
      case 'sample': {
        // The view reads any tensor-like `{ shape, data() }`: grey or colour.
        const { values, shape } = message;
        void view.pushSample(message.step, { shape, data: async () => values });
        break;
      }
      case 'weights':
        showWeights(message.values, message.shapes);
        break;
      case 'generator':
        saveGeneratorFiles(message.artifacts, message.purpose).then(
          (said) => saveStatus.replaceChildren(...said),
          notSaved,
        );
        break;
      case 'export-failed':
        notSaved(message.message);
        break;
      case 'ended':
        running = false;
        refresh(
          message.stopped
            ? `Stopped at iteration ${message.step}. Train resumes from there.`
            : `Done: ${message.step} iterations.`,
        );
        break;
      case 'error':
        running = false;
        refresh('Training failed (see the message at the top).');
        showError('Training failed', message.message, message.advice);
        break;
    }
  };

  const trainMore = () => {
    const chosen = data.read();
    if (!chosen) return;
    if (!worker) {
      worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      worker.onerror = (event) => {
        running = false;
        refresh('Training failed (see the message at the top).');
        showError('Training failed', event.message);
      };
    }
    running = true;
    refresh(hasRun ? 'Training…' : 'Starting the training worker…');
    send({
      type: 'train',
      backend: tf.getBackend(),
      data: chosen,
      batchSize: numberIn(batchSize, 32, 1, 512),
      sampleInterval: numberIn(sampleInterval, 25, 1),
      iterations: numberIn(iterations, 20_000, 1),
    });
  };

  buttons.start.addEventListener('click', trainMore);
  buttons.stop.addEventListener('click', () => {
    send({ type: 'stop' });
    status.textContent = 'Stopping after this iteration…';
  });
  buttons.reset.addEventListener('click', () => {
    if (!hasRun || running) return;
    if (shown)
      return showError(
        'Cannot start over',
        'the generator trained here is in use above',
        'Reload the page to start over.',
      );
    send({ type: 'reset' });
    hasRun = false;
    view.clear();
    refresh('Not started.');
  });
  buttons.use.addEventListener('click', () => {
    if (!hasRun) return;
    send({ type: 'follow' });
    element('#model-url').textContent = 'the generator trained in this page';
  });
  for (const purpose of ['save', 'download'] as const) {
    buttons[purpose].addEventListener('click', () => {
      saveStatus.textContent = purpose === 'save' ? 'Saving…' : 'Preparing the download…';
      send({ type: 'export', purpose });
    });
  }
}
