import { css, html, LitElement, type PropertyValues } from 'lit';
import { evaluationChart, lossesChart, sharesChart } from './chart-configs.js';
import { type RunCurves, runCurves } from './chart-data.js';
import { Chart, registerChartParts } from './chart-setup.js';
import { defineElement } from './define-element.js';
import { downsampleMetrics, type MetricsRecord, parseMetricsJsonl } from './metrics.js';

/**
 * `<dcgan-loss-chart>`: the losses, the discriminator's accuracy and the evaluation figures of a
 * run, from its `metrics.jsonl` (attribute `src`, re-read every `refresh` seconds when given) or
 * from records (property `metrics`, method `addMetrics`). Long runs are drawn from at most
 * `max-points` averaged points. Fires `dcgan-error` (detail: the Error) when `src` cannot be read.
 *   <dcgan-loss-chart src="runs/mnist/metrics.jsonl" refresh="10"></dcgan-loss-chart>
 * @tag dcgan-loss-chart
 * @fires dcgan-error - When `src` cannot be read; `detail`: the Error.
 * @csspart losses - The canvas of the losses and the discriminator's accuracy.
 * @csspart evaluation - The canvas of the classifier score and the Fréchet distance.
 * @csspart shares - The canvas of the class shares.
 * @cssprop [--dcgan-chart-height=260px] - The height of the losses' chart (the others: 3/4 of it).
 */
export class DcganLossChart extends LitElement {
  static properties = {
    src: { type: String },
    refresh: { type: Number },
    maxPoints: { type: Number, attribute: 'max-points' },
    metrics: { attribute: false },
    error: { state: true },
  };
  static styles = css`
    :host { display: block; font: 14px system-ui, sans-serif; }
    .chart { position: relative; height: var(--dcgan-chart-height, 260px); }
    .small { height: calc(var(--dcgan-chart-height, 260px) * 0.75); }
    [hidden] { display: none; }
    .error { color: #c92a2a; }
  `;
  /** The URL of a run's `metrics.jsonl`, read when set. */
  declare src: string | undefined;
  /** Seconds between readings of `src` (a live run); read once when unset. */
  declare refresh: number | undefined;
  /** The most points a curve is drawn from; longer runs are averaged down (1000 by default). */
  declare maxPoints: number;
  /** The records drawn, one an iteration (`MetricsRecord`, the lines of `metrics.jsonl`). */
  declare metrics: MetricsRecord[];
  declare error: string | undefined;
  private charts?: { losses: Chart; evaluation: Chart; shares: Chart };
  private timer?: ReturnType<typeof setInterval>;
  private frame?: number;

  constructor() {
    super();
    registerChartParts();
    this.metrics = [];
    this.maxPoints = 1000;
  }

  /** Adds records at the end (a live run), and redraws at the next frame. */
  addMetrics(...records: MetricsRecord[]): void {
    this.metrics = [...this.metrics, ...records];
  }

  /** Reads `src` again now. */
  async reload(): Promise<void> {
    if (!this.src) return;
    try {
      const response = await fetch(this.src, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${this.src}: HTTP ${response.status}`);
      this.metrics = parseMetricsJsonl(await response.text(), this.src);
      this.error = undefined;
    } catch (error) {
      this.error = `cannot read the metrics: ${(error as Error).message}`;
      this.dispatchEvent(
        new CustomEvent('dcgan-error', { detail: error, bubbles: true, composed: true }),
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    if (this.charts) for (const chart of Object.values(this.charts)) chart.destroy();
    this.charts = undefined;
  }

  override render() {
    const curves = this.curves();
    const hasEvaluation =
      curves.classifierScore.length +
        curves.frechetDistance.length +
        curves.slicedWasserstein.length >
      0;
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.metrics.length === 0 && !this.error ? html`<p class="empty">No metrics yet.</p>` : ''}
      <div class="chart" ?hidden=${this.metrics.length === 0}><canvas part="losses"></canvas></div>
      <div class="chart small" ?hidden=${!hasEvaluation}><canvas part="evaluation"></canvas></div>
      <div class="chart small" ?hidden=${!curves.classShares}><canvas part="shares"></canvas></div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('refresh')) {
      clearInterval(this.timer);
      void this.reload();
      if (this.src && this.refresh) {
        this.timer = setInterval(() => void this.reload(), this.refresh * 1000);
      }
    }
    if (changed.has('metrics') || changed.has('maxPoints')) this.scheduleDraw();
  }

  private curves(): RunCurves {
    return runCurves(downsampleMetrics(this.metrics, this.maxPoints));
  }

  private scheduleDraw(): void {
    if (this.frame !== undefined) return;
    const draw = () => {
      this.frame = undefined;
      this.draw();
    };
    this.frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(draw) : 0;
    if (this.frame === 0) draw();
  }

  private draw(): void {
    const canvas = (part: string) =>
      this.renderRoot.querySelector(`canvas[part=${part}]`) as HTMLCanvasElement;
    this.charts ??= {
      losses: new Chart(canvas('losses'), lossesChart()),
      evaluation: new Chart(canvas('evaluation'), evaluationChart()),
      shares: new Chart(canvas('shares'), sharesChart()),
    };
    const curves = this.curves();
    const { losses, evaluation, shares } = this.charts;
    const set = (chart: Chart, index: number, data: unknown[]) => {
      (chart.data.datasets[index] as { data: unknown[] }).data = data;
    };
    set(losses, 0, curves.discriminatorLoss);
    set(losses, 1, curves.generatorLoss);
    set(losses, 2, curves.discriminatorAccuracy);
    set(evaluation, 0, curves.classifierScore);
    set(evaluation, 1, curves.frechetDistance);
    set(evaluation, 2, curves.slicedWasserstein);
    set(shares, 0, curves.classShares?.shares ?? []);
    if (shares.options.plugins?.title && curves.classShares) {
      shares.options.plugins.title.text = `Class shares of the samples at iteration ${curves.classShares.step}`;
    }
    // One iteration axis for both line charts, though evaluations start later than losses.
    const first = this.metrics[0]?.step;
    const last = this.metrics[this.metrics.length - 1]?.step;
    for (const chart of [losses, evaluation]) {
      Object.assign(chart.options.scales?.x ?? {}, { min: first, max: last });
    }
    for (const chart of [losses, evaluation, shares]) chart.update('none');
  }
}

defineElement('dcgan-loss-chart', DcganLossChart);

declare global {
  interface HTMLElementTagNameMap {
    'dcgan-loss-chart': DcganLossChart;
  }
}
