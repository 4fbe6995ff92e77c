// The components of @dcgan/viz on a plain page, as docs would show them (components.html).
import '@dcgan/viz';
import { generate, loadPretrainedGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';

async function main(): Promise<void> {
  await tf.setBackend('webgl');
  const values = new Float32Array(4 * 28 * 28).map((_, i) => ((i % (28 * 28)) / (28 * 28)) * 2 - 1);
  const byValues = document.querySelector(
    '#grid-values',
  ) as HTMLElementTagNameMap['dcgan-sample-grid'];
  byValues.images = values;

  const generator = await loadPretrainedGenerator('mnist');
  (
    document.querySelector('#grid-generator') as HTMLElementTagNameMap['dcgan-sample-grid']
  ).generator = generator;
  (document.querySelector('#walk') as HTMLElementTagNameMap['dcgan-latent-walk']).generator =
    generator;

  const view = document.querySelector('#view') as HTMLElementTagNameMap['dcgan-training-view'];
  for (let step = 1; step <= 50; step++) {
    view.pushStep(step, {
      discriminatorLoss: 0.7 - 0.3 * Math.exp(-step / 10),
      discriminatorAccuracy: 0.5 + 0.3 * Math.exp(-step / 15),
      generatorLoss: 0.7 + 0.5 * (1 - Math.exp(-step / 10)),
    });
    if (step % 25 === 0) {
      const images = generate(generator, 9, { seed: step });
      await view.pushSample(step, images);
      images.dispose();
    }
  }
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  document.body.insertAdjacentHTML('beforeend', '<p id="error" role="alert"></p>');
  (document.querySelector('#error') as HTMLElement).textContent =
    `This page failed: ${error.message}`;
});
