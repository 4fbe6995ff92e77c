import type * as tf from '@tensorflow/tfjs-core';

/**
 * Refuses a topology whose layers ask for more weights than the weight file holds bytes (a flipped
 * byte turning 128 filters into 1e8), before TensorFlow.js builds the model and allocates them.
 * A Dense layer has at least `units` weights, a convolution at least `filters` times its kernel's
 * area; each weight takes at least one byte. Topologies without weights are not bounded here.
 * @param source the file's name, for the error
 */
export function checkTopologySizes(artifacts: tf.io.ModelArtifacts, source: string): void {
  const weightData = artifacts.weightData;
  if (!weightData || !artifacts.modelTopology) return;
  const bytes = [weightData]
    .flat()
    .reduce((total, buffer) => total + (buffer as ArrayBuffer).byteLength, 0);
  for (const layer of layerConfigs(artifacts.modelTopology)) {
    const { units, filters, kernel_size: kernelSize } = layer.config ?? {};
    const area = Array.isArray(kernelSize)
      ? kernelSize.reduce((a: number, b: unknown) => a * Number(b), 1)
      : Number(kernelSize ?? 1) ** 2;
    const least = units !== undefined ? Number(units) : Number(filters ?? 0) * area;
    if (!(least <= bytes)) {
      throw new Error(
        `${source}: layer ${JSON.stringify(layer.config?.name)} asks for at least ${least} weights, ` +
          `more than the ${bytes} bytes of weights (a damaged model.json?)`,
      );
    }
  }
}

interface LayerConfig {
  config?: { name?: unknown; units?: unknown; filters?: unknown; kernel_size?: unknown };
}

/** Every layer config of a Keras topology, nested models included. */
function layerConfigs(topology: unknown): LayerConfig[] {
  const found: LayerConfig[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.class_name === 'string' && typeof record.config === 'object')
        found.push(record as LayerConfig);
      for (const value of Object.values(record)) visit(value);
    }
  };
  visit(topology);
  return found;
}
