import { type ImageDataset, loadIdxFromUrl, loadImageFiles } from '@dcgan/data';
import { defaultModelConfig, defaultModelConfigFor, type ModelConfig } from '@dcgan/models';
import { defaultAugmentPolicy, defaultTrainConfig, type TrainConfig } from '@dcgan/train';
import { type FromWorker, PICTURES_ADVICE, type TrainData } from './train-messages.js';

/** Where the page serves MNIST (vite-plugins/mnist-files.ts). */
const MNIST_URL = `${import.meta.env.BASE_URL}mnist/`;
/** Skipped files the page names; the rest are counted. */
const NAMED_SKIPPED = 3;

/** What a run trains: its data set, its model and its training recipe. */
export interface RunSetup {
  dataset: ImageDataset;
  model: ModelConfig;
  train: TrainConfig;
}

/** The reader's pictures gave no data set: the message says why, the advice what to do. */
export class UnusablePicturesError extends Error {
  readonly advice = PICTURES_ADVICE;
}

/**
 * The run for the page's data: the spec's DCGAN and recipe on MNIST, or the Radford DCGAN for the
 * pictures' size and channels with the DCGAN paper's Adam and, if asked, DiffAugment.
 * @param report posts the progress and the pictures read to the page
 */
export async function setUpRun(
  data: TrainData,
  report: (message: FromWorker) => void,
): Promise<RunSetup> {
  if (data.kind === 'mnist') {
    report({ type: 'status', text: 'Loading the MNIST training set (60,000 digits)…' });
    const dataset = await loadIdxFromUrl(MNIST_URL, 'train');
    return { dataset, model: defaultModelConfig(), train: defaultTrainConfig() };
  }
  const dataset = await readPictures(data, report);
  return {
    dataset,
    model: defaultModelConfigFor(data.imageSize, data.channels),
    train: {
      ...defaultTrainConfig(),
      // The DCGAN paper's Adam (Radford et al. 2016), which its architecture is tuned for.
      learningRate: 0.0002,
      beta1: 0.5,
      augment: data.augment ? defaultAugmentPolicy() : {},
    },
  };
}

/** Decodes the pictures, skipping unreadable files, and reports what it read. */
async function readPictures(
  data: Extract<TrainData, { kind: 'pictures' }>,
  report: (message: FromWorker) => void,
): Promise<ImageDataset> {
  if (data.files.length === 0) throw new UnusablePicturesError('no files picked or dropped');
  report({ type: 'status', text: `Reading ${data.files.length} files…` });
  try {
    const dataset = await loadImageFiles(data.files, {
      imageSize: data.imageSize,
      channels: data.channels,
      // Every picture, in subfolders too: the demo trains an unconditional model.
      classes: false,
      skipUnreadable: true,
      onProgress: (done, total) => {
        if (done % 50 === 0)
          report({ type: 'status', text: `Reading pictures: ${done} of ${total}…` });
      },
    });
    report({
      type: 'pictures',
      count: dataset.count,
      skipped: dataset.skipped.length,
      firstSkipped: dataset.skipped.slice(0, NAMED_SKIPPED).map((file) => file.path),
    });
    return dataset;
  } catch (error) {
    throw new UnusablePicturesError((error as Error).message);
  }
}
