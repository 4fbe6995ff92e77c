import { PRETRAINED_NAMES, type PretrainedName } from '@dcgan/models';

/**
 * The generator the demo loads: a pretrained one that ships with @dcgan/models (its files are
 * assets of the build), `mnist` unless `?pretrained=` names another (`mnist-conditional`), or
 * the one the page's `?model=` names (`https://…/model.json`, `indexeddb://name`).
 */
export function pretrainedName(location: Location): PretrainedName {
  const name = new URLSearchParams(location.search).get('pretrained') ?? 'mnist';
  if (!(PRETRAINED_NAMES as string[]).includes(name))
    throw new Error(
      `?pretrained=${name}: no such pretrained generator (expected ${PRETRAINED_NAMES.join(', ')})`,
    );
  return name as PretrainedName;
}

/** How the page names a pretrained generator. */
export const pretrainedLabel = (name: PretrainedName) =>
  `pretrained ${name === 'mnist' ? 'MNIST' : 'conditional MNIST'} generator of @dcgan/models`;

/** Where the page stores a generator in the browser ("Save in this browser"). */
export const BROWSER_MODEL_URL = 'indexeddb://dcgan-demo-generator';

/** The `?model=` URL of a page address, made absolute against the page; undefined without one. */
export function modelUrl(location: Location): string | undefined {
  const url = new URLSearchParams(location.search).get('model');
  if (url === null) return undefined;
  return /^[a-z]+:\/\//i.test(url) && !url.startsWith('http')
    ? url
    : new URL(url, location.href).href;
}
