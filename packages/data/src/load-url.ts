import { datasetFromIdx, type LabeledImageDataset } from './dataset.js';
import { idxFileNames, type Split } from './idx-file-names.js';

/**
 * Loads an MNIST-like split over HTTP (in a browser, or any runtime with `fetch`).
 * @param baseUrl the folder URL holding the standard IDX files
 * @param options.gzip true when the files are served with a `.gz` ending
 */
export async function loadIdxFromUrl(
  baseUrl: string,
  split: Split,
  options: { gzip?: boolean; fetch?: typeof fetch } = {},
): Promise<LabeledImageDataset> {
  const names = idxFileNames(split);
  const suffix = options.gzip ? '.gz' : '';
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const get = async (name: string) => {
    const url = `${base}${name}${suffix}`;
    const response = await (options.fetch ?? fetch)(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
    return { name: url, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const [images, labels] = await Promise.all([get(names.images), get(names.labels)]);
  return datasetFromIdx({ images, labels });
}
