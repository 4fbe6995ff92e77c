import type { LayersModel } from '@tensorflow/tfjs-layers';

type Layer = LayersModel['layers'][number];

/** The layers of a generator with the spec's topology, in order, and its LeakyReLU slopes. */
export interface SpecGeneratorLayers {
  dense: Layer;
  /** `[H, W, C]`: the Dense layer's output reshaped, the first convolution's input. */
  base: [number, number, number];
  firstConv: Layer;
  firstNorm: Layer;
  secondConv: Layer;
  secondNorm: Layer;
  lastConv: Layer;
  firstSlope: number;
  secondSlope: number;
}

/** The spec's chain after the inputs (and a conditional generator's concatenation of them). */
const SPEC_CHAIN = [
  'Dense',
  'Reshape',
  'Conv2DTranspose',
  'BatchNormalization',
  'LeakyReLU',
  'Conv2DTranspose',
  'BatchNormalization',
  'LeakyReLU',
  'Conv2DTranspose',
  'Activation',
] as const;

/**
 * The layers of `generator` if it is the spec's generator in any size: its inputs (concatenated
 * when there are two) into one chain of exactly SPEC.md's layers, each layer fed by the one before,
 * channels last, the Dense and the convolutions linear with a bias, the BatchNorms on the last
 * axis, the output tanh. Undefined for anything else.
 */
export function specGeneratorLayers(generator: LayersModel): SpecGeneratorLayers | undefined {
  const layers = generator.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  const inputs = generator.inputs.length;
  const head = inputs === 1 ? [] : layers.slice(0, 1);
  if (inputs > 2 || (inputs === 2 && !concatenatesInputs(generator, head[0]))) return undefined;
  const chain = layers.slice(head.length);
  if (chain.length !== SPEC_CHAIN.length) return undefined;
  const fits = chain.every(
    (layer, i) =>
      layer.getClassName() === SPEC_CHAIN[i] &&
      fedBy(layer, i === 0 ? (head[0] ?? 'input') : chain[i - 1]) &&
      configFits(layer),
  );
  if (!fits || generator.outputs[0]?.sourceLayer !== chain.at(-1)) return undefined;
  const [
    dense,
    reshape,
    firstConv,
    firstNorm,
    firstAct,
    secondConv,
    secondNorm,
    secondAct,
    lastConv,
  ] = chain as [Layer, Layer, Layer, Layer, Layer, Layer, Layer, Layer, Layer];
  return {
    dense,
    base: (reshape.outputShape as number[]).slice(1) as [number, number, number],
    firstConv,
    firstNorm,
    secondConv,
    secondNorm,
    lastConv,
    firstSlope: slopeOf(firstAct),
    secondSlope: slopeOf(secondAct),
  };
}

function concatenatesInputs(generator: LayersModel, layer: Layer | undefined): boolean {
  if (layer?.getClassName() !== 'Concatenate') return false;
  const inbound = layer.inboundNodes[0]?.inboundLayers ?? [];
  const axis = (layer.getConfig() as { axis: number }).axis;
  return (
    (axis === -1 || axis === 1) &&
    inbound.length === generator.inputs.length &&
    inbound.every((source, i) => source === generator.inputs[i]?.sourceLayer)
  );
}

/** Whether `layer` has one inbound node with one source: `previous`, or a model input. */
function fedBy(layer: Layer, previous: Layer | 'input' | undefined): boolean {
  const sources = layer.inboundNodes.length === 1 ? layer.inboundNodes[0]?.inboundLayers : [];
  if (sources?.length !== 1) return false;
  const source = sources[0];
  return previous === 'input' ? source?.getClassName() === 'InputLayer' : source === previous;
}

function configFits(layer: Layer): boolean {
  const config = layer.getConfig() as Record<string, unknown>;
  switch (layer.getClassName()) {
    case 'Dense':
      return config.activation === 'linear' && config.useBias === true;
    case 'Conv2DTranspose':
      return (
        config.activation === 'linear' &&
        config.useBias === true &&
        config.dataFormat === 'channelsLast' &&
        [config.dilationRate ?? 1].flat().every((rate) => rate === 1)
      );
    case 'BatchNormalization':
      return config.axis === -1 || config.axis === 3;
    case 'Activation':
      return config.activation === 'tanh';
    default:
      return true;
  }
}

function slopeOf(layer: Layer): number {
  return (layer.getConfig() as { alpha: number }).alpha;
}
