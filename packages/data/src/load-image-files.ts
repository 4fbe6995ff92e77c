import { classLayout } from './class-layout.js';
import { decodeWithBitmap, squareContext } from './decode-with-bitmap.js';
import { decodeAll, type ImageFolderDataset } from './image-folder-dataset.js';
import { type ImageReadOptions, resolveImageOptions } from './image-options.js';
import { isHiddenName, isImageFileName, sortPaths } from './image-paths.js';

/** A picked file (its `webkitRelativePath` or name is its path), or a blob with its path. */
export type ImageFileInput = File | { file: Blob; path: string };

/**
 * Reads picked or dropped image files in a browser or a Web Worker into the same data set as the
 * Node reader gives for the same folder: `[count, imageSize, imageSize, channels]` bytes.
 * Files from `<input type="file" webkitdirectory>` carry their folder in `webkitRelativePath`;
 * the picked folder itself is dropped from the paths, and its subfolders, if any, are the classes.
 * Files of a drop can be passed as `{ file, path }` with the path from the dropped entry. Files that
 * are not PNG, JPEG or WebP by name, or hidden, are left out.
 * @throws an Error naming the file and what is wrong with it
 */
export async function loadImageFiles(
  files: Iterable<ImageFileInput> | ArrayLike<ImageFileInput>,
  options: ImageReadOptions,
): Promise<ImageFolderDataset> {
  const settings = resolveImageOptions(options, 4);
  const entries = Array.from(files as ArrayLike<ImageFileInput>, (input) =>
    input instanceof Blob
      ? { file: input, path: input.webkitRelativePath || input.name }
      : { file: input.file, path: input.path },
  ).filter(({ path }) => isImageFileName(path));
  const { root, strip } = pickedFolder(entries.map((entry) => entry.path));
  const byPath = new Map(
    entries
      .map(({ file, path }) => [path.slice(strip), file] as const)
      .filter(([path]) => !path.split('/').some(isHiddenName)),
  );
  const paths = sortPaths([...byPath.keys()]);
  if (paths.length === 0) throw new Error(`${root}: no PNG, JPEG or WebP image among the files`);
  const layout = classLayout(paths, { classes: settings.classes, root });
  const context = squareContext(settings.imageSize);
  const decoded = await decodeAll(
    paths,
    layout.labels,
    { ...settings, describe: (path) => (strip > 0 ? `${root}/${path}` : path), root },
    (index) => decodeWithBitmap(byPath.get(paths[index] as string) as Blob, context, settings),
  );
  return {
    ...decoded,
    height: settings.imageSize,
    width: settings.imageSize,
    channels: settings.channels,
    ...(layout.classNames && { classNames: layout.classNames }),
  };
}

/** The picked folder that all paths share as first segment, if any: its name and prefix length. */
function pickedFolder(paths: string[]): { root: string; strip: number } {
  const first = paths[0]?.split('/')[0] ?? '';
  const shared = paths.every((path) => path.startsWith(`${first}/`));
  return shared ? { root: first, strip: first.length + 1 } : { root: 'the files', strip: 0 };
}
