import type { ImageDataset } from '@dcgan/data';
import {
  createPatchEvaluator,
  type PatchEvaluator,
  type SlicedWassersteinResult,
} from '@dcgan/eval';
import {
  createEvaluator,
  type GeneratorEvaluation,
  type GeneratorEvaluator,
} from '@dcgan/eval/node';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { RunConfig } from './run-config.js';

/** The data sets whose classifiers ship with @dcgan/eval. */
export const CLASSIFIED = ['mnist', 'fashion'] as const;
export type ClassifiedData = (typeof CLASSIFIED)[number];

/** What one evaluation measured: the classifier's figures, the patch distance, or both. */
export interface RunFigures {
  classifier?: GeneratorEvaluation;
  slicedWasserstein?: SlicedWassersteinResult & {
    /** Images on each side. */
    samples: number;
    /** Real against real, on as many images, when asked for. */
    baseline?: SlicedWassersteinResult;
  };
}

/** Evaluates many generators of one run against its data, each side prepared once. */
export interface RunEvaluator {
  evaluate(options: {
    generator: LayersModel;
    discriminator?: LayersModel;
    seed: number;
  }): Promise<RunFigures>;
  dispose(): void;
}

/**
 * The evaluator of a run's data: the shipped classifier's figures on MNIST and Fashion-MNIST
 * (`classifier`, the data set's name), and the sliced Wasserstein distance of image patches to
 * the training images (`patches`, any data), on `samples` fakes.
 */
export async function createRunEvaluator(options: {
  classifier?: ClassifiedData;
  patches?: ImageDataset;
  samples: number;
  baseline?: boolean;
}): Promise<RunEvaluator> {
  const classifier: GeneratorEvaluator | undefined =
    options.classifier && (await createEvaluator(options.classifier));
  const patches: PatchEvaluator | undefined =
    options.patches &&
    (await createPatchEvaluator(options.patches, {
      samples: options.samples,
      baseline: options.baseline,
    }));
  return {
    async evaluate({ generator, discriminator, seed }) {
      const figures: RunFigures = {};
      if (classifier)
        figures.classifier = await classifier.evaluate({
          generator,
          discriminator,
          samples: options.samples,
          seed,
        });
      if (patches)
        figures.slicedWasserstein = {
          ...(await patches.evaluate(generator, seed)),
          samples: patches.samples,
          ...(patches.baseline && { baseline: patches.baseline }),
        };
      return figures;
    },
    dispose: () => classifier?.dispose(),
  };
}

/**
 * A run's in-training evaluator: the classifier's figures on MNIST and Fashion-MNIST, the sliced
 * Wasserstein distance on other data (and on those with `eval.slicedWasserstein`).
 */
export function runEvaluator(config: RunConfig, dataset: ImageDataset): Promise<RunEvaluator> {
  const classified = (CLASSIFIED as readonly string[]).includes(config.data);
  return createRunEvaluator({
    ...(classified && { classifier: config.data as ClassifiedData }),
    ...((!classified || config.eval.slicedWasserstein) && { patches: dataset }),
    samples: config.eval.samples,
  });
}

/** An evaluation's figures as metrics.jsonl records them. */
export function metricsOf({ classifier, slicedWasserstein }: RunFigures): Record<string, unknown> {
  return {
    ...(classifier && {
      classifierScore: classifier.classifierScore,
      frechetDistance: classifier.frechetDistance,
      classShares: classifier.classShares,
      ...(classifier.meanClassAccuracy !== undefined && {
        meanClassAccuracy: classifier.meanClassAccuracy,
      }),
    }),
    ...(slicedWasserstein && {
      slicedWasserstein: slicedWasserstein.average,
      slicedWassersteinLevels: slicedWasserstein.distances,
    }),
  };
}

/** An evaluation in a log line. */
export function describeFigures({ classifier, slicedWasserstein }: RunFigures): string {
  return [
    classifier &&
      `classifier score ${classifier.classifierScore.toFixed(2)}, Frechet distance ${classifier.frechetDistance.toFixed(2)}`,
    slicedWasserstein && `sliced Wasserstein ${slicedWasserstein.average.toFixed(2)}`,
  ]
    .filter(Boolean)
    .join(', ');
}
