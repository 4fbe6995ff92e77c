import type { PretrainedName } from '@dcgan/models';

/**
 * The `src` a live component on these pages loads a pretrained generator from: the package's files,
 * served beside the pages by integrations/pretrained-files.ts. When @dcgan/viz resolves
 * `src="pretrained:mnist"` itself, this returns `pretrained:${name}` and that integration goes.
 */
export function pretrainedSrc(name: PretrainedName): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}models/${name}/model.json`;
}

/** A file under public/, as a URL the pages can give an element (made relative at build). */
export function publicUrl(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`;
}
