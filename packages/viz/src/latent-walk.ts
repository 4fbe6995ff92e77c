import { css, html, LitElement, type PropertyValues } from 'lit';
import { parseClasses, walkClass } from './class-walk.js';
import { defineElement } from './define-element.js';
import { drawGrid } from './draw-grid.js';
import {
  type GeneratorLike,
  generateFromPoints,
  generatorClasses,
  generatorLatentSize,
  latentPoints,
} from './generate-values.js';
import type { ImageValues } from './image-values.js';
import { type LoadedGenerator, loadGenerator } from './load-generator.js';
import { walkPoint } from './slerp.js';

/**
 * `<dcgan-latent-walk>`: `count` digits side by side, each walking a closed loop through
 * `keyframes` latent points drawn with `seed`, by spherical interpolation (`slerp`), `frames`
 * frames from one keyframe to the next; animated (`autoplay`, the play button) or by the slider.
 *   <dcgan-latent-walk count="4" keyframes="5" autoplay></dcgan-latent-walk>
 *   walk.generator = await loadModel(url);
 *   <dcgan-latent-walk src="pretrained:mnist">  // loads its generator itself (or a model.json URL)
 *   <dcgan-latent-walk src="…" classes="3,8">           // a conditional generator: keyframe k
 *     draws class k of the list (in turn), and the class mixes from one to the next between them;
 *     digit="7": sevens only; by default the classes in turn
 * Fires `dcgan-drawn` (detail: the images drawn) after each frame.
 * @tag dcgan-latent-walk
 * @fires dcgan-drawn - After each frame; `detail`: the images drawn (`ImageValues`).
 * @csspart canvas - The canvas of the digits.
 * @csspart button - The play and pause button.
 * @csspart slider - The slider of the position on the walk.
 */
export class DcganLatentWalk extends LitElement {
  static properties = {
    generator: { attribute: false },
    src: { type: String },
    digit: { type: Number },
    classes: { type: String },
    count: { type: Number },
    seed: { type: Number },
    keyframes: { type: Number },
    frames: { type: Number },
    scale: { type: Number },
    autoplay: { type: Boolean },
    position: { type: Number },
    playing: { state: true },
    error: { state: true },
  };
  static styles = css`
    :host { display: inline-block; font: 14px system-ui, sans-serif; }
    canvas { display: block; image-rendering: pixelated; background: #000; }
    canvas:not([data-drawn]) { display: none; }
    .controls { display: flex; gap: 0.5em; align-items: center; margin-top: 0.4em; }
    input { flex: 1; }
    .error { color: #c92a2a; }
  `;
  /** The generator that draws the walk. */
  declare generator: GeneratorLike | undefined;
  /**
   * The generator to load: `pretrained:mnist` or `pretrained:mnist-conditional` (shipped with
   * @dcgan/models), or the URL of a `model.json` (or `indexeddb://name`); loaded when set.
   */
  declare src: string | undefined;
  /** A conditional generator's class at every keyframe. */
  declare digit: number | undefined;
  /** A conditional generator's classes, `3,8`: keyframe k draws the k-th, in turn. */
  declare classes: string | undefined;
  /** How many digits walk side by side (4 by default). */
  declare count: number;
  /** The seed of the keyframes' latent points (1 by default). */
  declare seed: number;
  /** Latent points on each digit's loop (4 by default). */
  declare keyframes: number;
  /** Frames from one keyframe to the next (24 by default). */
  declare frames: number;
  /** Screen pixels an image pixel (4 by default). */
  declare scale: number;
  /** Starts walking once the generator is there. */
  declare autoplay: boolean;
  /** Where the walk stands: keyframe k at k, halfway to the next at k + 0.5. */
  declare position: number;
  declare playing: boolean;
  declare error: string | undefined;
  private paths: Float32Array[][] = [];
  /** The class of each keyframe, for a conditional generator. */
  private keyframeClasses?: number[];
  private loaded?: LoadedGenerator;
  private drawn?: ImageValues;
  private drawnPosition?: number;
  private busy = false;
  private pending = false;

  constructor() {
    super();
    this.count = 4;
    this.seed = 1;
    this.keyframes = 4;
    this.frames = 24;
    this.scale = 4;
    this.autoplay = false;
    this.position = 0;
    this.playing = false;
  }

  /** The images of the last frame drawn: `count` images `[size, size, 1]` in [-1, 1]. */
  get values(): ImageValues | undefined {
    return this.drawn;
  }

  /** The position of the frame shown (`position` is ahead of it while a frame is drawing). */
  get shownPosition(): number | undefined {
    return this.drawnPosition;
  }

  /** Starts walking (the play button). */
  play(): void {
    if (this.playing || !this.generator) return;
    this.playing = true;
    void this.runAnimation();
  }

  /** Stops at the frame shown (the pause button). */
  pause(): void {
    this.playing = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.playing = false;
    this.loaded?.dispose();
    this.loaded = undefined;
  }

  /** Loads the generator at `src`, then walks with it; says why in the element when it cannot. */
  private async load(src: string): Promise<void> {
    this.error = undefined;
    try {
      const generator = await loadGenerator(src);
      if (src !== this.src) return generator.dispose();
      this.loaded?.dispose();
      this.loaded = generator;
      this.generator = generator;
    } catch (error) {
      if (src === this.src) this.error = (error as Error).message;
    }
  }

  override render() {
    const steps = this.keyframes * this.frames;
    return html`
      <canvas part="canvas"></canvas>
      <div class="controls">
        <button part="button" @click=${() => (this.playing ? this.pause() : this.play())}>
          ${this.playing ? 'Pause' : 'Play'}
        </button>
        <input type="range" part="slider" aria-label="position on the walk" min="0" max=${steps}
          .value=${String(Math.round(this.position * this.frames))}
          @input=${(event: Event) => {
            this.pause();
            this.position = Number((event.target as HTMLInputElement).value) / this.frames;
          }} />
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.load(this.src);
    const newPaths = (
      ['generator', 'count', 'seed', 'keyframes', 'digit', 'classes'] as const
    ).some((name) => changed.has(name));
    if (newPaths) this.drawPaths();
    if (this.paths.length > 0 && (newPaths || changed.has('position'))) void this.drawFrame();
    if (changed.has('scale')) this.resize();
    if ((changed.has('autoplay') || changed.has('generator')) && this.autoplay) this.play();
  }

  private drawPaths(): void {
    if (!this.generator) return;
    try {
      const latentSize = generatorLatentSize(this.generator);
      const points = latentPoints(this.count * this.keyframes, latentSize, this.seed);
      this.paths = Array.from({ length: this.count }, (_, walk) =>
        points.slice(walk * this.keyframes, (walk + 1) * this.keyframes),
      );
      const classes = generatorClasses(this.generator);
      const wanted =
        this.digit === undefined ? parseClasses(this.classes, 'classes') : [this.digit];
      this.keyframeClasses =
        classes === undefined
          ? undefined
          : (wanted ?? Array.from({ length: this.keyframes }, (_, k) => k % classes));
      this.error = undefined;
    } catch (error) {
      this.paths = [];
      this.error = `cannot walk: ${(error as Error).message}`;
    }
  }

  /** Draws the frame at `position`; while one is drawing, the latest request waits its turn. */
  private async drawFrame(): Promise<void> {
    if (!this.generator) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.pending = false;
        const position = this.position;
        const points = this.paths.map((keyframes) => walkPoint(keyframes, position));
        const classes = generatorClasses(this.generator);
        const keyframeClasses = this.keyframeClasses;
        const labels =
          classes === undefined || !keyframeClasses
            ? undefined
            : points.map(() => walkClass(keyframeClasses, this.keyframes, position, classes));
        const images = await generateFromPoints(this.generator, points, labels);
        drawGrid(this.renderRoot.querySelector('canvas') as HTMLCanvasElement, images, {
          columns: this.count,
        });
        this.drawn = images;
        this.drawnPosition = position;
        this.resize();
        this.dispatchEvent(new CustomEvent('dcgan-drawn', { detail: images }));
      } while (this.pending);
      this.error = undefined;
    } catch (error) {
      this.error = `cannot walk: ${(error as Error).message}`;
      this.playing = false;
    } finally {
      this.busy = false;
    }
  }

  private async runAnimation(): Promise<void> {
    while (this.playing && this.isConnected) {
      const started = performance.now();
      this.position = (this.position + 1 / this.frames) % this.keyframes;
      await this.updateComplete;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 40 - (performance.now() - started))),
      );
      while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private resize(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas?.hasAttribute('data-drawn')) return;
    canvas.style.width = `${canvas.width * this.scale}px`;
    canvas.style.height = `${canvas.height * this.scale}px`;
  }
}

defineElement('dcgan-latent-walk', DcganLatentWalk);

declare global {
  interface HTMLElementTagNameMap {
    'dcgan-latent-walk': DcganLatentWalk;
  }
}
