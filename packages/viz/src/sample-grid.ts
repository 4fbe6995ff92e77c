import { css, html, LitElement, type PropertyValues } from 'lit';
import { parseClasses } from './class-walk.js';
import { defineElement } from './define-element.js';
import { drawGrid } from './draw-grid.js';
import { type GeneratorLike, generateValues } from './generate-values.js';
import { type Images, type ImageValues, imageValues } from './image-values.js';
import { type LoadedGenerator, loadGenerator } from './load-generator.js';

/**
 * `<dcgan-sample-grid>`: generated digits drawn in a grid on a canvas, -1 black and 1 white.
 *   <dcgan-sample-grid src="pretrained:mnist" count="16" seed="1"></dcgan-sample-grid>
 *                                          // a generator that ships with @dcgan/models
 *   <dcgan-sample-grid src="/models/mnist/model.json">  // or any generator's model.json
 *   <dcgan-sample-grid src="…" digit="7">  // a conditional generator: sevens; classes="0,1,2":
 *                                          // a row of each (default: the classes in turn)
 *   grid.generator = await loadModel(url); // draws `count` images from noise seeded `seed`
 *   grid.images = tensor;                  // or draws images [n, 28, 28, 1] in [-1, 1] (a tensor,
 *                                          // or values with `count`); the caller keeps the tensor
 * Fires `dcgan-drawn` (detail: the images drawn) after each drawing and `dcgan-error` (detail: the
 * Error) when drawing fails, whose message it also shows.
 * @tag dcgan-sample-grid
 * @fires dcgan-drawn - After each drawing; `detail`: the images drawn (`ImageValues`).
 * @fires dcgan-error - When the generator cannot be loaded or the images drawn; `detail`: the
 *   Error.
 * @csspart canvas - The canvas of the grid.
 */
export class DcganSampleGrid extends LitElement {
  static properties = {
    images: { attribute: false },
    generator: { attribute: false },
    src: { type: String },
    digit: { type: Number },
    classes: { type: String },
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
  /** Images to draw, `[n, 28, 28, 1]` in [-1, 1]: a tensor (the caller keeps it), or values. */
  declare images: Images | undefined;
  /** A generator to draw `count` images with, from noise seeded `seed`. */
  declare generator: GeneratorLike | undefined;
  /**
   * The generator to load: `pretrained:mnist` or `pretrained:mnist-conditional` (shipped with
   * @dcgan/models), or the URL of a `model.json` (or `indexeddb://name`); loaded when set.
   */
  declare src: string | undefined;
  /** A conditional generator's class for every image. */
  declare digit: number | undefined;
  /** A conditional generator's classes, `0,1,2`: a row of each. */
  declare classes: string | undefined;
  /** How many images to draw (16 by default). */
  declare count: number;
  /** The noise's seed: the same seed, the same images; a new draw each time when unset. */
  declare seed: number | undefined;
  /** Images a row; by default a square grid (a row a class with `classes`). */
  declare columns: number | undefined;
  /** Screen pixels an image pixel (3 by default). */
  declare scale: number;
  declare error: string | undefined;
  private drawn?: ImageValues;
  private ticket = 0;
  private loaded?: LoadedGenerator;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loaded?.dispose();
    this.loaded = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) {
      void this.load(this.src);
      return;
    }
    const inputs = ['images', 'generator', 'count', 'seed', 'columns', 'digit', 'classes'] as const;
    if (inputs.some((name) => changed.has(name))) void this.draw();
    else if (changed.has('scale')) this.resize();
  }

  /** Loads the generator at `src`, then draws with it; says why in the element when it cannot. */
  private async load(src: string): Promise<void> {
    const ticket = ++this.ticket;
    this.error = undefined;
    try {
      const generator = await loadGenerator(src);
      if (ticket !== this.ticket || src !== this.src) return generator.dispose();
      this.loaded?.dispose();
      this.loaded = generator;
      this.generator = generator;
    } catch (error) {
      if (ticket === this.ticket) this.fail(error as Error);
    }
  }

  /** The class of each image and the columns, from `digit` or `classes`; none for the default. */
  private layout(): { classes?: number[]; columns?: number } {
    const digit = this.digit === undefined ? undefined : [this.digit];
    const wanted = digit ?? parseClasses(this.classes, 'classes');
    if (!wanted) return { columns: this.columns };
    const columns = this.columns ?? Math.ceil(this.count / wanted.length);
    const classes = Array.from(
      { length: this.count },
      (_, i) => wanted[Math.floor(i / columns) % wanted.length] as number,
    );
    return { classes, columns: wanted.length === 1 ? this.columns : columns };
  }

  private async draw(): Promise<void> {
    const ticket = ++this.ticket;
    try {
      let images: ImageValues | undefined;
      const { classes, columns } = this.layout();
      if (this.images) images = await imageValues(this.images, this.count);
      else if (this.generator)
        images = await generateValues(this.generator, this.count, this.seed, classes);
      if (!images || ticket !== this.ticket) return;
      await this.updateComplete;
      drawGrid(this.canvas, images, { columns });
      this.drawn = images;
      this.error = undefined;
      this.resize();
      this.dispatchEvent(new CustomEvent('dcgan-drawn', { detail: images }));
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.fail(error as Error, 'cannot draw the samples: ');
    }
  }

  private fail(error: Error, prefix = ''): void {
    this.error = `${prefix}${error.message}`;
    this.dispatchEvent(
      new CustomEvent('dcgan-error', { detail: error, bubbles: true, composed: true }),
    );
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
