import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { defineElement } from './define-element.js';
import { drawGrid } from './draw-grid.js';
import { type Images, type ImageValues, imageValues } from './image-values.js';
import './loss-chart.js';
import type { MetricsRecord } from './metrics.js';

/** A sample grid of a run: its images, or the URL of its PNG (`samples/step-0001000.png`). */
export interface SampleEntry {
  step: number;
  images?: ImageValues;
  src?: string;
}

const format = (value: number | undefined, digits = 3) =>
  value === undefined ? '–' : value.toFixed(digits);

/**
 * `<dcgan-training-view>`: a run as it trains, or after: the last figures, the sample grids (a
 * slider goes back over them; it follows the newest unless moved) and the curves
 * (`<dcgan-loss-chart>`). Fed by `pushStep` and `pushSample` while training, or by setting
 * `metrics` and `samples` (a report).
 *   view.pushStep(step, { discriminatorLoss, discriminatorAccuracy, generatorLoss });
 *   await view.pushSample(step, generate(generator, 16, { seed: 1 })); // tensor [16, 28, 28, 1]
 * @tag dcgan-training-view
 * @csspart summary - The line of the last figures.
 * @csspart samples - The figure of the sample grids and their slider.
 * @csspart chart - The `<dcgan-loss-chart>` of the curves.
 * @cssprop [--dcgan-sample-size=280px] - The width of the sample grids.
 */
export class DcganTrainingView extends LitElement {
  static properties = {
    metrics: { attribute: false },
    samples: { attribute: false },
    selected: { state: true },
  };
  static styles = css`
    :host { display: block; font: 14px system-ui, sans-serif; }
    .summary { margin: 0 0 0.5em; font-variant-numeric: tabular-nums; }
    .layout { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
    figure { margin: 0; width: var(--dcgan-sample-size, 280px); }
    canvas, img { display: block; width: 100%; image-rendering: pixelated; background: #000; }
    figcaption { margin: 0.3em 0; }
    input { width: 100%; }
    dcgan-loss-chart { flex: 1; min-width: 320px; }
    [hidden] { display: none; }
  `;
  /** The figures of the run, one record an iteration. */
  declare metrics: MetricsRecord[];
  /** The sample grids of the run, in the order of their steps. */
  declare samples: SampleEntry[];
  /** Index of the sample shown; undefined follows the newest. */
  declare selected: number | undefined;

  constructor() {
    super();
    this.metrics = [];
    this.samples = [];
  }

  /** Adds the figures of one iteration. */
  pushStep(step: number, figures: Omit<MetricsRecord, 'step'>): void {
    this.metrics = [...this.metrics, { step, time: new Date().toISOString(), ...figures }];
  }

  /**
   * Adds a sample grid: images `[count, 28, 28, 1]` in [-1, 1] (a tensor, read here and left to the
   * caller, or values with `count`), or the URL of a grid picture.
   */
  async pushSample(step: number, images: Images | string, count?: number): Promise<void> {
    const entry: SampleEntry =
      typeof images === 'string'
        ? { step, src: images }
        : { step, images: await imageValues(images, count) };
    this.samples = [...this.samples, entry];
  }

  /** Forgets every figure and sample (a new run). */
  clear(): void {
    this.metrics = [];
    this.samples = [];
    this.selected = undefined;
  }

  override render() {
    const last = this.metrics[this.metrics.length - 1];
    const index = this.selected ?? this.samples.length - 1;
    const sample = this.samples[index];
    return html`
      <p class="summary" part="summary">
        ${
          last
            ? html`iteration <b>${last.step}</b> · discriminator loss ${format(last.discriminatorLoss)}
              · accuracy ${format(last.discriminatorAccuracy, 2)} · generator loss
              ${format(last.generatorLoss)}${
                last.iterationsPerSecond ? ` · ${format(last.iterationsPerSecond, 2)} it/s` : ''
              }`
            : 'No iteration yet.'
        }
      </p>
      <div class="layout">
        <figure part="samples" ?hidden=${!sample}>
          <canvas ?hidden=${!sample?.images}></canvas>
          <img alt=${sample ? `samples at iteration ${sample.step}` : ''} src=${sample?.src ?? nothing}
            ?hidden=${!sample?.src} />
          <figcaption>Samples at iteration ${sample?.step}</figcaption>
          <input type="range" aria-label="samples of iteration" min="0" max=${this.samples.length - 1}
            .value=${String(index)} ?hidden=${this.samples.length < 2}
            @input=${(event: Event) => {
              const value = Number((event.target as HTMLInputElement).value);
              this.selected = value === this.samples.length - 1 ? undefined : value;
            }} />
        </figure>
        <dcgan-loss-chart part="chart" .metrics=${this.metrics} ?hidden=${!last}></dcgan-loss-chart>
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('samples') && !changed.has('selected')) return;
    const sample = this.samples[this.selected ?? this.samples.length - 1];
    const canvas = this.renderRoot.querySelector('canvas');
    if (sample?.images && canvas) drawGrid(canvas, sample.images);
  }
}

defineElement('dcgan-training-view', DcganTrainingView);

declare global {
  interface HTMLElementTagNameMap {
    'dcgan-training-view': DcganTrainingView;
  }
}
