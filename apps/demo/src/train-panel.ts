import { buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { element, numberIn } from './dom.js';
import type { GeneratePanel } from './generate-panel.js';
import { showError } from './show-error.js';
import type { FromWorker, ToWorker } from './train-messages.js';

/**
 * The "Train in the browser" section: trains the spec's DCGAN (SPEC.md's defaults, but the batch
 * size and sample interval of the page) on MNIST from this site, in a worker (train-worker.ts), so
 * that the page answers while it trains; shown live in the training view. Stop keeps the models,
 * optimizers, sampler and step in the worker; Train resumes from there.
 */
export function setUpTrainPanel(generatePanel: GeneratePanel): void {
  const view = element('#training-view') as HTMLElementTagNameMap['dcgan-training-view'];
  const status = element('#train-status');
  const batchSize = element<HTMLInputElement>('#batch-size');
  const sampleInterval = element<HTMLInputElement>('#sample-interval');
  const iterations = element<HTMLInputElement>('#iterations');
  const buttons = {
    start: element<HTMLButtonElement>('#train-start'),
    stop: element<HTMLButtonElement>('#train-stop'),
    reset: element<HTMLButtonElement>('#train-reset'),
    use: element<HTMLButtonElement>('#train-use'),
  };
  let worker: Worker | undefined;
  let hasRun = false;
  let running = false;
  /** The generator shown above: a copy of the worker's, its weights sent with every sample. */
  let shown: LayersModel | undefined;

  const refresh = (message: string) => {
    status.textContent = message;
    buttons.start.disabled = running;
    buttons.stop.disabled = !running;
    buttons.reset.disabled = running || !hasRun;
    buttons.use.disabled = !hasRun;
    batchSize.disabled = hasRun;
  };

  const send = (message: ToWorker) => worker?.postMessage(message);

  const showWeights = (values: Float32Array[], shapes: number[][]) => {
    const label = '(trained in this page, redrawn at every sample)';
    const first = !shown;
    shown ??= buildGenerator({});
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
      case 'begun':
        hasRun = true;
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
      case 'sample':
        void view.pushSample(message.step, message.values, message.count);
        break;
      case 'weights':
        showWeights(message.values, message.shapes);
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
        showError('Training failed', message.message);
        break;
    }
  };

  const trainMore = () => {
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
}
