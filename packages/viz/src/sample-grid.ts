import { css, html, LitElement, type PropertyValues } from 'lit';
import { defineElement } from './define-element.js';
import { drawGrid } from './draw-grid.js';
import { type GeneratorLike, generateValues } from './generate-values.js';
import { type Images, type ImageValues, imageValues } from './image-values.js';

/**
 * `<dcgan-sample-grid>`: generated digits drawn in a grid on a canvas, -1 black and 1 white.
 *   <dcgan-sample-grid count="16" seed="1" scale="4"></dcgan-sample-grid>
 *   grid.generator = await loadModel(url); // draws `count` images from noise seeded `seed`
 *   grid.images = tensor;                  // or draws images [n, 28, 28, 1] in [-1, 1] (a tensor,
 *                                          // or values with `count`); the caller keeps the tensor
 * Fires `dcgan-drawn` (detail: the images drawn) after each drawing and `dcgan-error` (detail: the
 * Error) when drawing fails, whose message it also shows.
 */
export class DcganSampleGrid extends LitElement {
  static properties = {
    images: { attribute: false },
    generator: { attribute: false },
    count: { type: Number },
    seed: { type: Number },
    columns: { type: Number },
    scale: { type: Number },
    error: { state: true },
  };
  static styles = css`
    :host { display: inline-block; }
    canvas { display: block; image-rendering: pixelated; background: #000; }
    canvas:not([data-drawn]) { display: none; }
    .error { color: #c92a2a; font: 14px system-ui, sans-serif; }
  `;
  declare images: Images | undefined;
  declare generator: GeneratorLike | undefined;
  declare count: number;
  declare seed: number | undefined;
  declare columns: number | undefined;
  declare scale: number;
  declare error: string | undefined;
  private drawn?: ImageValues;
  private ticket = 0;

  constructor() {
    super();
    this.count = 16;
    this.scale = 3;
  }

  /** The images last drawn: `count` images `[size, size, 1]` in [-1, 1]. */
  get values(): ImageValues | undefined {
    return this.drawn;
  }

  /** Draws again (a generator that was trained since, say). */
  redraw(): Promise<void> {
    return this.draw();
  }

  override render() {
    return html`<canvas part="canvas"></canvas>${
      this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''
    }`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const inputs = ['images', 'generator', 'count', 'seed', 'columns'] as const;
    if (inputs.some((name) => changed.has(name))) void this.draw();
    else if (changed.has('scale')) this.resize();
  }

  private async draw(): Promise<void> {
    const ticket = ++this.ticket;
    try {
      let images: ImageValues | undefined;
      if (this.images) images = await imageValues(this.images, this.count);
      else if (this.generator) images = await generateValues(this.generator, this.count, this.seed);
      if (!images || ticket !== this.ticket) return;
      await this.updateComplete;
      drawGrid(this.canvas, images, { columns: this.columns });
      this.drawn = images;
      this.error = undefined;
      this.resize();
      this.dispatchEvent(new CustomEvent('dcgan-drawn', { detail: images }));
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.error = `cannot draw the samples: ${(error as Error).message}`;
      this.dispatchEvent(
        new CustomEvent('dcgan-error', { detail: error, bubbles: true, composed: true }),
      );
    }
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
  }

  private resize(): void {
    const canvas = this.canvas;
    if (!canvas?.hasAttribute('data-drawn')) return;
    canvas.style.width = `${canvas.width * this.scale}px`;
    canvas.style.height = `${canvas.height * this.scale}px`;
  }
}

defineElement('dcgan-sample-grid', DcganSampleGrid);

declare global {
  interface HTMLElementTagNameMap {
    'dcgan-sample-grid': DcganSampleGrid;
  }
}
