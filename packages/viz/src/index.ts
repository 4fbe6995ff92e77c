// Importing this module defines <dcgan-sample-grid>, <dcgan-loss-chart>, <dcgan-latent-walk> and
// <dcgan-training-view>:  import '@dcgan/viz';
export { runCurves } from './chart-data.js';
export { parseClasses, walkClass } from './class-walk.js';
export { drawGrid } from './draw-grid.js';
export { encodeGif, encodePng } from './encode.js';
export type { GeneratorLike } from './generate-values.js';
export {
  generateFromPoints,
  generateValues,
  generatorClasses,
  latentPoints,
  oneHot,
} from './generate-values.js';
export type { GridOptions, Picture } from './grid.js';
export { gridFromValues } from './grid.js';
export type { Images, ImagesTensor, ImageValues } from './image-values.js';
export { imageValues } from './image-values.js';
export { DcganLatentWalk } from './latent-walk.js';
export type { LoadedGenerator } from './load-generator.js';
export { loadGenerator } from './load-generator.js';
export { DcganLossChart } from './loss-chart.js';
export type { MetricsRecord } from './metrics.js';
export { downsampleMetrics, parseMetricsJsonl } from './metrics.js';
export { DcganSampleGrid } from './sample-grid.js';
export { slerp, walkPoint } from './slerp.js';
export type { SampleEntry } from './training-view.js';
export { DcganTrainingView } from './training-view.js';
