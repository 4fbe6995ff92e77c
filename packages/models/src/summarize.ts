import type { LayersModel } from '@tensorflow/tfjs-layers';

/** One row of a model's summary: a layer, its output shape (batch left out) and parameters. */
export interface LayerSummary {
  name: string;
  className: string;
  outputShape: number[];
  parameters: number;
}

/** Parameter counts of a model, as Keras's `summary()` gives them. */
export interface ModelSummary {
  layers: LayerSummary[];
  parameters: number;
  /** All but BatchNorm's moving statistics, whether or not the model is frozen now. */
  trainableParameters: number;
}

/** Summarizes a model: each layer's output shape and parameter count, and the totals. */
export function summarize(model: LayersModel): ModelSummary {
  const count = (weights: { shape: (number | null)[] }[]) =>
    weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  const layers = model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => ({
      name: layer.name,
      className: layer.getClassName(),
      outputShape: (layer.outputShape as number[]).slice(1),
      parameters: count(layer.weights),
    }));
  return {
    layers,
    parameters: count(model.weights),
    trainableParameters: count(model.weights.filter((w) => !/moving_(mean|variance)/.test(w.name))),
  };
}

/** The summary as a table, one layer a line, for a terminal. */
export function formatSummary(model: LayersModel): string {
  const { layers, parameters, trainableParameters } = summarize(model);
  const rows = layers.map(
    (l) =>
      `${l.name.padEnd(16)} ${l.className.padEnd(20)} [${l.outputShape.join(', ')}]`.padEnd(64) +
      l.parameters,
  );
  return [
    `${model.name}`,
    ...rows,
    `parameters: ${parameters.toLocaleString('en')} (${trainableParameters.toLocaleString('en')} trainable)`,
  ].join('\n');
}
