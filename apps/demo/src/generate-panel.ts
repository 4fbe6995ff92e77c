import { saveModel } from '@dcgan/models';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { setUpDigitPickers } from './digit-picker.js';
import { element, numberIn } from './dom.js';
import { BROWSER_MODEL_URL } from './model-source.js';
import { savedModelLink } from './save-generator.js';
import { showError } from './show-error.js';

/** The "Generate digits" and "Walk" sections: a sample grid and a latent walk of one generator. */
export interface GeneratePanel {
  /** Draws with `generator` from now on; `label` says where it comes from. */
  use(generator: LayersModel, label: string): void;
  /** Draws again with the same generator (its weights changed). */
  redraw(): void;
}

/**
 * Wires the count, seed and digit inputs to the grid and the walk, and "Save in this browser".
 */
export function setUpGeneratePanel(): GeneratePanel {
  const grid = element('dcgan-sample-grid#grid') as HTMLElementTagNameMap['dcgan-sample-grid'];
  const walk = element('dcgan-latent-walk#walk') as HTMLElementTagNameMap['dcgan-latent-walk'];
  const count = element<HTMLInputElement>('#count');
  const seed = element<HTMLInputElement>('#seed');
  const save = element<HTMLButtonElement>('#save-model');
  const saveStatus = element('#save-status');
  let generator: LayersModel | undefined;
  const pickDigits = setUpDigitPickers(grid, walk);

  const applySeed = () => {
    grid.seed = numberIn(seed, 1);
    walk.seed = grid.seed;
  };
  count.addEventListener('change', () => {
    grid.count = numberIn(count, 16, 1, 100);
  });
  seed.addEventListener('change', applySeed);
  element('#next-seed').addEventListener('click', () => {
    seed.value = String(numberIn(seed, 1) + 1);
    applySeed();
  });
  save.addEventListener('click', async () => {
    if (!generator) return;
    try {
      await saveModel(generator, BROWSER_MODEL_URL);
      saveStatus.replaceChildren('Saved: ', savedModelLink());
    } catch (error) {
      showError('Cannot save the generator in this browser', error);
    }
  });

  return {
    use(next, label) {
      generator = next;
      pickDigits(next);
      grid.generator = next;
      walk.generator = next;
      const classes = next.inputs[1]?.shape[1];
      element('#model-status').textContent =
        classes === undefined
          ? label
          : `${label.replace(/\)$/, '')}, conditional: ${classes} digits)`;
      save.disabled = false;
    },
    redraw() {
      void grid.redraw();
    },
  };
}
