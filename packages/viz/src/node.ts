/**
 * Node entry point of @dcgan/viz: sample grids as PNG and GIF files, and a run's report.html,
 * for the trainer.
 *   import { writeGridPng, writeReport } from '@dcgan/viz/node';
 *   await writeReport('runs/mnist'); // then open runs/mnist/report.html
 */

export { encodeGif, encodePng } from './encode.js';
export type { GridOptions, Picture } from './grid.js';
export { gridFromValues } from './grid.js';
export type { MetricsRecord } from './metrics.js';
export { downsampleMetrics, parseMetricsJsonl } from './metrics.js';
export type { ReportContent } from './report-html.js';
export { reportHtml } from './report-html.js';
export { readPng, writeGif, writeGridPng } from './write-files.js';
export { writeReport } from './write-report.js';
