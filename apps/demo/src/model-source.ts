/**
 * The generator the demo loads: served by the demo itself (public/models/generator/, see
 * scripts/write-untrained-model.mjs), unless the page's `?model=` names another URL
 * (`https://…/model.json`, `indexeddb://name`).
 */
export const DEFAULT_MODEL_URL = 'models/generator/model.json';

/** Where the page stores a generator in the browser ("Save in this browser"). */
export const BROWSER_MODEL_URL = 'indexeddb://dcgan-demo-generator';

/** The model URL of a page address: `?model=` or the default, made absolute against the page. */
export function modelUrl(location: Location): string {
  const url = new URLSearchParams(location.search).get('model') ?? DEFAULT_MODEL_URL;
  return /^[a-z]+:\/\//i.test(url) && !url.startsWith('http')
    ? url
    : new URL(url, location.href).href;
}
