/**
 * The generator the demo loads: the pretrained MNIST one that ships with @dcgan/models (its files
 * are assets of the build), unless the page's `?model=` names another (`https://…/model.json`,
 * `indexeddb://name`).
 */
export const PRETRAINED_LABEL = 'pretrained MNIST generator of @dcgan/models';

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
