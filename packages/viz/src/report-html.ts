import type { MetricsRecord } from './metrics.js';

/** What a run's report shows. */
export interface ReportContent {
  /** The run's name (its folder). */
  title: string;
  metrics: MetricsRecord[];
  /** The sample grids in step order; `src` a data: URL or a path relative to the report. */
  samples: { step: number; src: string }[];
  /** The run's `config.json` text, shown as it is. */
  config?: string;
  /** When the report was written (ISO). */
  writtenAt: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that can sit inside a <script> element: no `<` to end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The HTML of a run's report: a page that needs nothing but itself (opened from disk, offline),
 * the components inlined as a classic script, the metrics as JSON, the grids as given.
 * @param components the prebuilt script that defines `<dcgan-training-view>`
 */
export function reportHtml(content: ReportContent, components: string): string {
  const last = content.metrics[content.metrics.length - 1];
  const gallery = content.samples
    .map(
      ({ step, src }) =>
        `<figure><img data-step="${step}" src="${escapeHtml(src)}" alt="samples at iteration ${step}"><figcaption>${step}</figcaption></figure>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dcgan.js run ${escapeHtml(content.title)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px; padding: 0 1em; color: #212529; }
  h1 { font-size: 1.5em; margin-bottom: 0.2em; }
  .meta { color: #666; margin-top: 0; }
  .gallery { display: flex; flex-wrap: wrap; gap: 0.6em; }
  .gallery figure { margin: 0; text-align: center; font-size: 0.85em; color: #555; }
  .gallery img { display: block; width: 112px; image-rendering: pixelated; background: #000; }
  pre { background: #f1f3f5; padding: 0.8em; overflow: auto; }
</style>
</head>
<body>
<h1>Run <code>${escapeHtml(content.title)}</code></h1>
<p class="meta">Written ${escapeHtml(content.writtenAt)} · ${content.metrics.length} metrics points · last iteration ${last?.step ?? '–'} · ${content.samples.length} sample grids</p>
<dcgan-training-view id="view"></dcgan-training-view>
<h2>Sample grids over the run</h2>
<div class="gallery" id="gallery">
${gallery || '<p>No sample grid yet.</p>'}
</div>
${content.config === undefined ? '' : `<details><summary>config.json</summary><pre>${escapeHtml(content.config)}</pre></details>`}
<script type="application/json" id="dcgan-metrics">${scriptJson(content.metrics)}</script>
<script>${components.replace(/<\/script/gi, '<\\/script')}</script>
<script>
  const view = document.getElementById('view');
  view.metrics = JSON.parse(document.getElementById('dcgan-metrics').textContent);
  view.samples = Array.from(document.querySelectorAll('#gallery img'), (img) => ({
    step: Number(img.dataset.step),
    src: img.src,
  }));
</script>
</body>
</html>
`;
}
